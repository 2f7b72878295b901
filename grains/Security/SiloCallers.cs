using System.Security.Cryptography;

namespace BudgetActors.Grains.Security;

/// <summary>
/// Lets the silo's own code (the REST API after it checked a bearer token, the demo set-up, the token
/// command, the operator pages) call grains as a given identity. Such calls leave through the silo's hosted
/// client, which Orleans cannot tell apart from a client app by its id; what sets them apart is a secret made
/// up when this process starts, which never leaves the process except inside the call it marks.
/// </summary>
public sealed class SiloCallers
{
    /// <summary>The <see cref="RequestContext"/> key of this process's mark.</summary>
    internal const string MarkKey = "budgetactors.silo";

    private readonly string _mark = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

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
