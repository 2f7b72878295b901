using System.Text.Json;

namespace BudgetActors.Cli;

/// <summary>What a profile file holds: <c>{ "gateway": "host:port", "token": "ba_..." }</c>.</summary>
internal sealed record Profile(string? Gateway, string? Token)
{
    public static string DefaultPath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".budgetctl", "profile.json");

    public static Profile Read(FileInfo? file)
    {
        var path = file?.FullName ?? DefaultPath;
        if (!File.Exists(path))
        {
            return file is null ? new Profile(null, null) : throw new CliException(ExitCodes.Usage, $"The profile {path} does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CliJsonContext.Default.Profile) ?? new Profile(null, null);
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.Usage, $"The profile {path} is not valid JSON: {exception.Message}");
        }
    }
}
