using System.Collections.Frozen;

namespace BudgetActors.Dashboard;

/// <summary>The pages, styles and scripts embedded in this assembly, read once.</summary>
internal static class DashboardAssets
{
    private const string Prefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> s_contentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> s_assets = Load();

    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (s_assets.TryGetValue(name, out var asset))
        {
            (content, contentType) = asset;
            return true;
        }

        (content, contentType) = ([], "");
        return false;
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            assets[name] = (buffer.ToArray(), s_contentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
