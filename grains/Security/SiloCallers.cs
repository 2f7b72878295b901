using System.Security.Cryptography;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Lets the silo's own code (the REST API after it checked a bearer token, the demo set-up, the token
/// command, the operator pages) call grains as a given identity. Such calls leave through the silo's hosted
/// client, which Orleans cannot tell apart from a client app by its id; what sets them apart is a mark only
/// silos know, carried inside the call. Alone, a silo makes its mark up at start; on PostgreSQL every silo of
/// the service reads the same one from the database at start (<see cref="ShareMark"/>), so a call the REST
/// API of one silo makes is believed by the silo where its grain lives.
/// </summary>
public sealed class SiloCallers
{
    /// <summary>The <see cref="RequestContext"/> key of this process's mark.</summary>
    internal const string MarkKey = "budgetactors.silo";

    private byte[] _mark = RandomNumberGenerator.GetBytes(32);

    /// <summary>A new mark, for the first silo of a service to store.</summary>
    public static string NewMark() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Takes the service's shared mark (before the silo serves calls).</summary>
    internal void ShareMark(string mark) => _mark = Convert.FromHexString(mark);

    /// <summary>Until disposed, calls from this flow act as <paramref name="caller"/>.</summary>
    public IDisposable ActAs(CallerIdentity caller)
    {
        var previous = (Caller: CallerContext.Caller, Mark: RequestContext.Get(MarkKey));
        CallerContext.Caller = caller;
        RequestContext.Set(MarkKey, Convert.ToHexString(_mark));
        return new Restore(previous.Caller, previous.Mark);
    }

    /// <summary>Whether the call being received was marked by a silo of this service.</summary>
    internal bool IsMarkedHere() =>
        RequestContext.Get(MarkKey) is string mark
        && mark.Length == _mark.Length * 2
        && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(mark), System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(_mark)));

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
