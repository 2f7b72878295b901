using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace BudgetActors.Grains.Activity;

/// <summary>
/// One state row of a company's activity besides its main record: a project's budget
/// (<c>project-&lt;n&gt;</c>) or one slot of the latest history steps (<c>event-&lt;n&gt;</c>). Small rows of
/// their own, so that a report writes what it changes and never the whole company.
/// </summary>
internal sealed class ActivityRow<T>(string stateName, T state) : IGrainState<T>
{
    public string StateName { get; } = stateName;

    [AllowNull]
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public static string NameOf(string kind, int number) => kind + "-" + number.ToString(CultureInfo.InvariantCulture);
}
