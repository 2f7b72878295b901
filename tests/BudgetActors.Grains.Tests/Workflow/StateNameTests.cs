using System.Reflection;
using BudgetActors.Grains.Activity;
using BudgetActors.Grains.Erp;

namespace BudgetActors.Grains.Tests;

/// <summary>
/// Orleans' ADO.NET storage keys a row by grain id hash and state name, not grain type (dotnet/orleans#8746):
/// two grain types with one state name would read and overwrite each other's rows where their ids hash alike.
/// </summary>
public sealed class StateNameTests
{
    [Fact]
    public void Every_state_name_is_used_by_one_grain_type_only()
    {
        var clashes = Clashes([.. StateNames()]);

        Assert.True(clashes.Count == 0, "State names used twice: " + string.Join("; ", clashes));
    }

    [Fact]
    public void The_check_finds_two_grain_types_that_share_a_name_or_a_row_family()
    {
        var names = StateNames().ToList();

        Assert.NotEmpty(Clashes([.. names, new("other-grain", "budget", IsRowFamily: false)]));
        Assert.NotEmpty(Clashes([.. names, new("other-grain", "export-7", IsRowFamily: false)]));
        Assert.NotEmpty(Clashes([.. names, new("other-grain", "project", IsRowFamily: true)]));
    }

    [Fact]
    public void Every_grain_class_with_state_is_seen()
    {
        var owners = StateNames().Select(n => n.Owner).Distinct().Order();

        Assert.Equal(["approver", "budget", "company", "company-activity", "company-registry", "erp-gateway"], owners);
    }

    /// <summary>
    /// Each grain class's <see cref="PersistentStateAttribute"/> state names, and the row families the ERP gateway
    /// and the company activity write straight through <c>IGrainStorage</c> (<c>kind-n</c>).
    /// </summary>
    private static IEnumerable<StateName> StateNames()
    {
        var grains = typeof(WorkflowHostingExtensions).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(Grain).IsAssignableFrom(t));
        foreach (var grain in grains)
        {
            var owner = grain.GetCustomAttribute<GrainTypeAttribute>()?.GetGrainType(null!, grain).ToString() ?? grain.Name;
            foreach (var parameter in grain.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } state)
                {
                    yield return new(owner, state.StateName, IsRowFamily: false);
                }
            }
        }

        yield return new("erp-gateway", Family(QueuedExport.NameOf(0)), IsRowFamily: true);
        yield return new("company-activity", Family(ActivityRow<int>.NameOf(CompanyActivityGrain.ProjectRows, 0)), IsRowFamily: true);
        yield return new("company-activity", Family(ActivityRow<int>.NameOf(CompanyActivityGrain.EventRows, 0)), IsRowFamily: true);
    }

    private static string Family(string firstRow) => firstRow[..firstRow.LastIndexOf('-')];

    private static List<string> Clashes(IReadOnlyList<StateName> names)
    {
        var clashes = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                if (Overlap(names[i], names[j]))
                {
                    clashes.Add($"{names[i].Owner} '{names[i].Name}' and {names[j].Owner} '{names[j].Name}'");
                }
            }
        }

        return clashes;
    }

    private static bool Overlap(StateName a, StateName b) => (a.IsRowFamily, b.IsRowFamily) switch
    {
        (false, false) => a.Name == b.Name,
        (true, true) => a.Name == b.Name,
        (true, false) => IsRowOf(b.Name, a.Name),
        (false, true) => IsRowOf(a.Name, b.Name),
    };

    // A row of family "export" is "export-<digits>"; a family name alone is taken too, to be safe.
    private static bool IsRowOf(string name, string family) =>
        name == family || (name.StartsWith(family + "-", StringComparison.Ordinal) && name[(family.Length + 1)..].All(char.IsAsciiDigit));

    private sealed record StateName(string Owner, string Name, bool IsRowFamily);
}
