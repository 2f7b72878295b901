using System.CommandLine;

namespace BudgetActors.Cli;

/// <summary>
/// One run of a command: the REST API to call (URL and token from flags, environment or profile, in that
/// order), the caller the token belongs to, and the output.
/// </summary>
internal sealed class Session : IDisposable
{
    private const string UrlVariable = "BUDGETACTORS_URL";
    private const string TokenVariable = "BUDGETACTORS_TOKEN";

    /// <summary>The grain-call budgetctl's variable; only read to say what replaced it.</summary>
    private const string GatewayVariable = "BUDGETACTORS_GATEWAY";

    /// <summary>
    /// Longer than the silo's own grain-call timeout, so that a slow grain comes back as the silo's 504
    /// (with its explanation) rather than as budgetctl giving up first.
    /// </summary>
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(60);

    private readonly ParseResult _parse;
    private readonly Lazy<Profile> _profile;
    private HttpClient? _http;
    private BudgetApi? _api;

    public Session(ParseResult parse, TextWriter output, TextWriter error)
    {
        _parse = parse;
        _profile = new Lazy<Profile>(() => Profile.Read(parse.GetValue(GlobalOptions.Profile)));
        Output = new Output(output, error, parse.GetValue(GlobalOptions.Json));
    }

    public Output Output { get; }

    public ParseResult Parse => _parse;

    public T Get<T>(Option<T> option) => _parse.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => _parse.GetValue(argument)!;

    /// <summary>The API as the caller of this run's token.</summary>
    public BudgetApi Api => _api ??= Connect(Token);

    /// <summary>The same API as the user of another token (the demo acts as several people).</summary>
    public BudgetApi Connect(string token) => new(_http ??= new HttpClient { Timeout = s_requestTimeout }, Url, token);

    /// <summary>The REST API to call: the flag, else BUDGETACTORS_URL, else the profile, else the local default.</summary>
    public Uri Url
    {
        get
        {
            if (_parse.GetValue(GlobalOptions.Gateway) is not null)
            {
                throw new CliException(ExitCodes.Usage,
                    $"--gateway is gone: budgetctl calls the silo's REST API now. Give its URL with --url (e.g. --url {GlobalOptions.DefaultUrl}).");
            }

            var configured = NonEmpty(_parse.GetValue(GlobalOptions.Url)) ?? NonEmpty(Environment.GetEnvironmentVariable(UrlVariable)) ?? NonEmpty(_profile.Value.Url);
            if (configured is null && NonEmpty(Environment.GetEnvironmentVariable(GatewayVariable)) is not null)
            {
                // Falling back to the default would quietly call another silo than the one the user pointed at.
                throw new CliException(ExitCodes.Usage,
                    $"{GatewayVariable} is no longer read: budgetctl calls the silo's REST API now. Set {UrlVariable} instead (e.g. {UrlVariable}={GlobalOptions.DefaultUrl}).");
            }

            if (configured is null && NonEmpty(_profile.Value.Gateway) is not null)
            {
                throw new CliException(ExitCodes.Usage,
                    $"The profile names a gateway, which budgetctl no longer uses: replace it with the silo's REST API, e.g. \"url\": \"{GlobalOptions.DefaultUrl}\".");
            }

            var url = configured ?? GlobalOptions.DefaultUrl;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliException(ExitCodes.Usage, $"'{url}' is not an http:// or https:// URL of a silo's REST API (e.g. {GlobalOptions.DefaultUrl}).");
            }

            // A trailing slash makes "api/v1/..." resolve below the URL's path (a silo behind a path prefix), not beside it.
            return parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        }
    }

    private string Token =>
        NonEmpty(_parse.GetValue(GlobalOptions.Token)) ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)) ?? NonEmpty(_profile.Value.Token)
        ?? throw new CliException(ExitCodes.Unauthorized, $"No token: give --token, set {TokenVariable}, or put one in a profile (the silo prints demo tokens when it starts).");

    /// <summary>An empty variable or value counts as not given, as in most shells' habits (<c>FOO= cmd</c>).</summary>
    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public void Dispose() => _http?.Dispose();
}
