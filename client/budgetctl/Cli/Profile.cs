using System.Text.Json;

namespace BudgetActors.Cli;

/// <summary>What a profile file holds: <c>{ "url": "http://host:8080", "token": "ba_..." }</c>.</summary>
/// <param name="Gateway">Read only to say that a profile written for the grain-call budgetctl needs <c>url</c> instead.</param>
internal sealed record Profile(string? Url = null, string? Token = null, string? Gateway = null)
{
    public static string DefaultPath => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".budgetctl", "profile.json");

    public static Profile Read(FileInfo? file)
    {
        var path = file?.FullName ?? DefaultPath;
        if (!File.Exists(path))
        {
            return file is null ? new Profile() : throw new CliException(ExitCodes.Usage, $"The profile {path} does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), CliJsonContext.Default.Profile) ?? new Profile();
        }
        catch (JsonException exception)
        {
            throw new CliException(ExitCodes.Usage, $"The profile {path} is not valid JSON: {exception.Message}");
        }
    }
}
