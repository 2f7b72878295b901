using System.Globalization;
using System.Reflection;

namespace BudgetActors.Grains.Postgres;

/// <summary>
/// A set of versioned migrations one component ships as embedded resources named
/// <c>{ResourcePrefix}NNNN_name.sql</c>. Versions count per component, so components evolve their
/// schemas independently and <c>schema_migrations</c> records (component, version).
/// </summary>
public sealed record MigrationSource(string Component, Assembly Assembly, string ResourcePrefix)
{
    /// <summary>
    /// The grains assembly's migrations (<c>grains/Migrations/*.sql</c>): the workflow's own tables and
    /// the schema Orleans' ADO.NET clustering, grain storage and reminder providers run on. The component
    /// name is the one databases already record for the workflow's first migrations.
    /// </summary>
    public static MigrationSource Workflow { get; } = new("workflow", typeof(MigrationSource).Assembly, "BudgetActors.Grains.Migrations.");

    /// <summary>The component's migrations in version order.</summary>
    /// <exception cref="InvalidOperationException">Two scripts claim one version, or a name has no version.</exception>
    public IReadOnlyList<Migration> Load()
    {
        var migrations = Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(Read)
            .OrderBy(m => m.Version)
            .ToList();

        // Two scripts with one version would apply in an order nobody chose, and the second would be
        // recorded as already applied on every database that had the first.
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException(
                $"Component '{Component}' has more than one migration with version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}");
        }

        return migrations;
    }

    private Migration Read(string resource)
    {
        var file = resource[ResourcePrefix.Length..^".sql".Length];
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(file.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' of component '{Component}' is not named NNNN_name.sql");
        }

        using var reader = new StreamReader(Assembly.GetManifestResourceStream(resource)!);
        return new Migration(version, file, reader.ReadToEnd());
    }
}
