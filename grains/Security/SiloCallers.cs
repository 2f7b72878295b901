using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Lets the silo's own code (the REST API after it checked a bearer token, the demo set-up, the token
/// command, the operator pages) call grains as a given identity. Such calls leave through the silo's hosted
/// client, which Orleans cannot tell apart from a client app by its id (a client names itself, unchecked);
/// what sets them apart is a mark only the silos know, carried inside the call (<see cref="SiloCall"/>). A
/// call may land on any silo, so all of them must know the same mark: on PostgreSQL the first silo stores one
/// and every silo reads it at start (<see cref="ShareMark"/>); in memory it is
/// <see cref="SiloCallerOptions.ClusterSecret"/> when given (silos sharing one process, in tests), else one
/// made up when this process starts (a single silo).
/// </summary>
public sealed class SiloCallers(IOptions<SiloCallerOptions> options)
{
    private string _mark = options.Value.ClusterSecret is { Length: > 0 } secret ? secret : NewMark();

    /// <summary>A new random mark.</summary>
    public static string NewMark() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The user the silo's own code acts for in this flow (inside <see cref="ActAs"/>), or null.</summary>
    public static CallerIdentity? Acting => RequestContext.Get(CallerContext.CallerKey) is SiloCall call ? call.Caller : null;

    /// <summary>Takes the service's shared mark (before the silo serves calls).</summary>
    internal void ShareMark(string mark) => _mark = mark;

    /// <summary>Until disposed, calls from this flow act as <paramref name="caller"/>.</summary>
    public IDisposable ActAs(CallerIdentity caller)
    {
        var previous = RequestContext.Get(CallerContext.CallerKey);
        RequestContext.Set(CallerContext.CallerKey, new SiloCall(caller, _mark));
        return new Restore(previous);
    }

    /// <summary>The caller of a call the silo's own code made (its mark is the service's), or null.</summary>
    internal CallerIdentity? Verify(object? call) =>
        call is SiloCall { Mark: var mark } silo
        && CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(mark.AsSpan()), MemoryMarshal.AsBytes(_mark.AsSpan()))
            ? silo.Caller
            : null;

    private sealed class Restore(object? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is null)
            {
                RequestContext.Remove(CallerContext.CallerKey);
            }
            else
            {
                RequestContext.Set(CallerContext.CallerKey, previous);
            }
        }
    }
}
