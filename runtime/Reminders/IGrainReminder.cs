namespace BudgetActors.Runtime;

/// <summary>A registered reminder, as returned to the grain that owns it.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }

    TimeSpan Period { get; }

    /// <summary>When the next tick comes due.</summary>
    DateTimeOffset NextDue { get; }
}
