using System.Collections.Immutable;

namespace BudgetActors.Runtime;

/// <summary>
/// One link of the ambient request context: the grain a call runs in, the frame that called it, and the
/// values that flow with the call. A <see cref="GrainCall"/> is itself a frame, so following a call chain
/// allocates nothing; <see cref="RequestContext.Set"/> makes a copy with new values.
/// </summary>
public class RequestFrame
{
    internal RequestFrame()
    {
    }

    internal RequestFrame(RequestFrame? copyOf, ImmutableDictionary<string, object>? values)
    {
        Grain = copyOf?.Grain ?? default;
        Parent = copyOf?.Parent;
        CorrelationId = copyOf?.CorrelationId ?? RequestContext.NewCorrelationId();
        Values = values;
    }

    /// <summary>The grain this frame's call runs in; default for a frame outside any grain.</summary>
    internal GrainId Grain { get; set; }

    /// <summary>The frame of the caller, or null at the edge of the cluster.</summary>
    internal RequestFrame? Parent { get; set; }

    internal long CorrelationId { get; set; }

    internal ImmutableDictionary<string, object>? Values { get; set; }

    /// <summary>Whether <paramref name="grain"/> is waiting somewhere up this chain.</summary>
    internal bool ChainContains(GrainId grain)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame.Grain == grain)
            {
                return true;
            }
        }

        return false;
    }

    internal IReadOnlyList<GrainId> Chain()
    {
        var chain = new List<GrainId>();
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame.Grain.Type is not null)
            {
                chain.Add(frame.Grain);
            }
        }

        chain.Reverse();
        return chain;
    }
}
