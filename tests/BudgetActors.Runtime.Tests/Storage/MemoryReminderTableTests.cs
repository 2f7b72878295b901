namespace BudgetActors.Runtime.Tests;

public sealed class MemoryReminderTableTests : ReminderTableContract
{
    protected override Task<IReminderTable> CreateTableAsync() => Task.FromResult<IReminderTable>(new MemoryReminderTable());
}
