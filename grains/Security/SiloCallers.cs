using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Lets the silo's own code (the REST API after it checked a bearer token, the demo set-up, the token
/// command, the operator pages) call grains as a given identity. Such calls leave through the silo's hosted
/// client, which Orleans cannot tell apart from a client app by its id (a client names itself, unchecked);
/// what sets them apart is a mark only the silos know, carried inside the call. A call may land on any silo,
/// so all of them must know the same mark: on PostgreSQL the first silo stores one and every silo reads it at
/// start (<see cref="ShareMark"/>); in memory it is <see cref="SiloCallerOptions.ClusterSecret"/> when given
/// (silos sharing one process, in tests), else one made up when this process starts (a single silo).
/// </summary>
public sealed class SiloCallers(IOptions<SiloCallerOptions> options)
{
    /// <summary>The <see cref="RequestContext"/> key of the mark.</summary>
    internal const string MarkKey = "budgetactors.silo";

    private string _mark = options.Value.ClusterSecret is { Length: > 0 } secret ? secret : NewMark();

    /// <summary>A new random mark.</summary>
    public static string NewMark() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Takes the service's shared mark (before the silo serves calls).</summary>
    internal void ShareMark(string mark) => _mark = mark;

    /// <summary>Until disposed, calls from this flow act as <paramref name="caller"/>.</summary>
    public IDisposable ActAs(CallerIdentity caller)
    {
        var previous = (Caller: CallerContext.Caller, Mark: RequestContext.Get(MarkKey));
        CallerContext.Caller = caller;
        RequestContext.Set(MarkKey, _mark);
        return new Restore(previous.Caller, previous.Mark);
    }

    /// <summary>Whether the call being received carries the service's mark.</summary>
    internal bool IsMarkedHere() =>
        RequestContext.Get(MarkKey) is string mark
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(mark), Encoding.UTF8.GetBytes(_mark));

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
