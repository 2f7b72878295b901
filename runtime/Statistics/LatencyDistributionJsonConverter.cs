using System.Text.Json;
using System.Text.Json.Serialization;

namespace BudgetActors.Runtime;

/// <summary>
/// Writes a distribution as its non-empty buckets only, <c>[index, count, index, count, ...]</c>: a method's
/// calls fall into a few dozen of the several hundred buckets, and silos send these to each other every second.
/// </summary>
internal sealed class LatencyDistributionJsonConverter : JsonConverter<LatencyDistribution>
{
    public override LatencyDistribution Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("A latency distribution is an array of bucket index and count pairs.");
        }

        var buckets = new long[LatencyHistogram.BucketCount];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var index = reader.GetInt32();
            if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException("A latency bucket index must be followed by its count.");
            }

            if ((uint)index >= (uint)buckets.Length)
            {
                throw new JsonException($"Latency bucket {index} does not exist (this runtime has {buckets.Length}).");
            }

            buckets[index] = reader.GetInt64();
        }

        return new LatencyDistribution(buckets);
    }

    public override void Write(Utf8JsonWriter writer, LatencyDistribution value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        var buckets = value.Buckets;
        for (var i = 0; i < buckets.Length; i++)
        {
            if (buckets[i] != 0)
            {
                writer.WriteNumberValue(i);
                writer.WriteNumberValue(buckets[i]);
            }
        }

        writer.WriteEndArray();
    }
}
