using System.Text.Json.Serialization;

namespace BudgetActors.Benchmarks.Grains;

/// <summary>The benchmark grains' state in the grain storage's System.Text.Json (and the raw contender's bytes).</summary>
[JsonSerializable(typeof(WriterState))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
