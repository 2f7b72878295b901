using System.Security.Cryptography;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Lets the silo's own code (the REST API after it checked a bearer token, the demo set-up, the token
/// command, the operator pages) call grains as a given identity. Such calls leave through the silo's hosted
/// client, which Orleans cannot tell apart from a client app by its id (a client names itself, unchecked); what
/// sets them apart is a secret the silos share (<see cref="SiloCallerOptions.ClusterSecret"/>, or one made up when
/// this process starts), which never leaves the cluster except inside the call it marks.
/// </summary>
public sealed class SiloCallers(Microsoft.Extensions.Options.IOptions<SiloCallerOptions> options)
{
    /// <summary>The <see cref="RequestContext"/> key of this process's mark.</summary>
    internal const string MarkKey = "budgetactors.silo";

    // A call of this silo's code may land on any silo of the cluster: all of them must know the mark.
    private readonly string _mark = options.Value.ClusterSecret is { Length: > 0 } secret
        ? secret
        : Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Until disposed, calls from this flow act as <paramref name="caller"/>.</summary>
    public IDisposable ActAs(CallerIdentity caller)
    {
        var previous = (Caller: CallerContext.Caller, Mark: RequestContext.Get(MarkKey));
        CallerContext.Caller = caller;
        RequestContext.Set(MarkKey, _mark);
        return new Restore(previous.Caller, previous.Mark);
    }

    /// <summary>Whether the call being received was marked by this process.</summary>
    internal bool IsMarkedHere() =>
        RequestContext.Get(MarkKey) is string mark
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(mark), System.Text.Encoding.ASCII.GetBytes(_mark));

    private sealed class Restore(CallerIdentity? caller, object? mark) : IDisposable
    {
        public void Dispose()
        {
            CallerContext.Caller = caller;
            if (mark is null)
            {
                RequestContext.Remove(MarkKey);
            }
            else
            {
                RequestContext.Set(MarkKey, mark);
            }
        }
    }
}
