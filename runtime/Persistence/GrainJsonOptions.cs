using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BudgetActors.Runtime;

/// <summary>
/// The System.Text.Json options used for grain state and for call arguments and results. Only
/// source-generated contexts resolve types (no reflection fallback), so a type nobody registered fails
/// at silo start, naming the method or state that uses it.
/// </summary>
public sealed class GrainJsonOptions
{
    public GrainJsonOptions(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        Options = new JsonSerializerOptions
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, RuntimeJsonContext.Default]),
        };
        Options.MakeReadOnly();
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>The contract for <paramref name="type"/>, or null when no registered context knows it.</summary>
    public JsonTypeInfo? TryGetTypeInfo(Type type) =>
        Options.TryGetTypeInfo(type, out var info) ? info : null;

    public JsonTypeInfo<T> GetTypeInfo<T>() =>
        (JsonTypeInfo<T>?)TryGetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException(
            $"No System.Text.Json source-generated context knows {typeof(T)}; add one with silo.AddJsonSerializerContext(...).");
}
