using System.Collections.Immutable;
using System.Globalization;

namespace BudgetActors.Runtime;

/// <summary>
/// Ambient values that flow with calls from grain to grain: the caller's identity, the call chain and a
/// correlation id, plus any named value. Like Orleans' RequestContext, values set before a call travel
/// with it; values set inside a grain flow to the calls that grain makes.
/// </summary>
public static class RequestContext
{
    private const string CallerKey = "caller";
    private static readonly AsyncLocal<RequestFrame?> s_current = new();
    private static long s_lastCorrelationId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    /// <summary>The user a call is made for, or null outside an authenticated call.</summary>
    public static CallerIdentity? Caller
    {
        get => Get(CallerKey) as CallerIdentity;
        set
        {
            if (value is null)
            {
                Remove(CallerKey);
            }
            else
            {
                Set(CallerKey, value);
            }
        }
    }

    /// <summary>The id shared by every call that one outside request caused.</summary>
    public static string CorrelationId =>
        (Current?.CorrelationId ?? 0).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The grains the current call passed through, outermost first, ending with the current grain.</summary>
    public static IReadOnlyList<GrainId> CallChain => Current?.Chain() ?? [];

    internal static RequestFrame? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public static object? Get(string key) =>
        Current?.Values is { } values && values.TryGetValue(key, out var value) ? value : null;

    public static void Set(string key, object value)
    {
        var current = Current;
        var values = (current?.Values ?? ImmutableDictionary<string, object>.Empty).SetItem(key, value);
        Current = new RequestFrame(current, values);
    }

    public static bool Remove(string key)
    {
        var current = Current;
        if (current?.Values is not { } values || !values.ContainsKey(key))
        {
            return false;
        }

        Current = new RequestFrame(current, values.Remove(key));
        return true;
    }

    /// <summary>Clears every value (the call chain of a running grain call stays).</summary>
    public static void Clear()
    {
        if (Current is { Values: not null } current)
        {
            Current = new RequestFrame(current, null);
        }
    }

    /// <summary>
    /// Until disposed, this flow belongs to no request: no caller, no values, no call chain. For work a
    /// grain starts in the background (a worker loop) that must not carry the call that happened to start it.
    /// </summary>
    public static IDisposable Suppress()
    {
        var previous = Current;
        Current = null;
        return new Restore(previous);
    }

    internal static long NewCorrelationId() => Interlocked.Increment(ref s_lastCorrelationId);

    private sealed class Restore(RequestFrame? previous) : IDisposable
    {
        public void Dispose() => Current = previous;
    }
}
