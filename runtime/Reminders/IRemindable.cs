namespace BudgetActors.Runtime;

/// <summary>A grain that registers reminders implements this to receive their ticks.</summary>
public interface IRemindable : IGrain
{
    /// <summary>
    /// One tick of reminder <paramref name="reminderName"/>. Delivery is at least once: a tick missed while
    /// no silo could deliver it arrives once when one can, and a tick can be repeated after a crash.
    /// </summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
