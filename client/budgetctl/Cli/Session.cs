using System.CommandLine;
using BudgetActors.Client;
using Microsoft.Extensions.Options;

namespace BudgetActors.Cli;

/// <summary>
/// One run of a command: the connection to the cluster (gateway and token from flags, environment or
/// profile, in that order), the caller the token belongs to, and the output.
/// </summary>
internal sealed class Session : IAsyncDisposable
{
    private readonly ParseResult _parse;
    private ClusterClient? _client;
    private readonly Lazy<Profile> _profile;
    private CallerIdentity? _caller;

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

    public IClusterClient Grains => _client ??= Connect();

    /// <summary>The company user the token acts as.</summary>
    public async Task<CallerIdentity> CallerAsync(CancellationToken cancellationToken)
    {
        _ = Grains;
        return _caller ??= await _client!.WhoAmIAsync(cancellationToken);
    }

    public async Task<ICompanyGrain> CompanyAsync(CancellationToken cancellationToken) =>
        Grains.GetGrain<ICompanyGrain>((await CallerAsync(cancellationToken)).CompanyId);

    public async Task<IBudgetGrain> BudgetAsync(string project, CancellationToken cancellationToken) =>
        Grains.GetGrain<IBudgetGrain>(BudgetKey.Of((await CallerAsync(cancellationToken)).CompanyId, project));

    public async Task<IApproverGrain> ApproverAsync(CancellationToken cancellationToken)
    {
        var caller = await CallerAsync(cancellationToken);
        return Grains.GetGrain<IApproverGrain>($"{caller.CompanyId}:{caller.UserId}");
    }

    /// <summary>The silo endpoint to call: the flag, else BUDGETACTORS_GATEWAY, else the profile, else the local default.</summary>
    public string Gateway => _parse.GetValue(GlobalOptions.Gateway) ?? Environment.GetEnvironmentVariable("BUDGETACTORS_GATEWAY") ?? _profile.Value.Gateway ?? "127.0.0.1:11111";

    private ClusterClient Connect()
    {
        var gateway = Gateway;
        var token = _parse.GetValue(GlobalOptions.Token) ?? Environment.GetEnvironmentVariable("BUDGETACTORS_TOKEN") ?? _profile.Value.Token;
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new CliException(ExitCodes.Unauthorized, "No token: give --token, set BUDGETACTORS_TOKEN, or put one in a profile (the silo prints demo tokens when it starts).");
        }

        var options = new ClusterClientOptions { Token = token };
        options.Gateways.Add(gateway);
        return new ClusterClient(Options.Create(options));
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }
    }
}
