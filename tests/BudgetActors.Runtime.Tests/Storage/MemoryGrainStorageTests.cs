namespace BudgetActors.Runtime.Tests;

public sealed class MemoryGrainStorageTests : GrainStorageContract
{
    protected override Task<(IGrainStorage First, IGrainStorage Second)> CreateTwoSilosAsync()
    {
        var shared = new MemoryGrainStorage(Json);
        return Task.FromResult<(IGrainStorage, IGrainStorage)>((shared, shared));
    }
}
