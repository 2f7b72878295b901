using System.Reflection;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// A set of versioned migrations one component ships as embedded resources named
/// <c>{ResourcePrefix}NNNN_name.sql</c>. Versions count per component.
/// </summary>
public sealed record MigrationSource(string Component, Assembly Assembly, string ResourcePrefix)
{
    /// <summary>The service's tables: the workflow's own, and those Orleans' ADO.NET providers read and write.</summary>
    public static MigrationSource Workflow { get; } = new("workflow", typeof(MigrationSource).Assembly, "BudgetActors.Grains.Migrations.");

    /// <summary>The component's migrations, by version.</summary>
    public IReadOnlyList<(int Version, string Name, string Sql)> Load() =>
    [
        .. Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[ResourcePrefix.Length..^".sql".Length];
                var version = int.Parse(file[..file.IndexOf('_', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(Assembly.GetManifestResourceStream(n)!);
                return (version, file, reader.ReadToEnd());
            })
            .OrderBy(m => m.version),
    ];
}
