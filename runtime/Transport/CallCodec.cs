using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace BudgetActors.Runtime;

/// <summary>
/// Writes a call's arguments and its result as JSON with the source-generated contracts of the silo
/// (one array element per parameter, each with its declared type), and reads them back.
/// </summary>
internal sealed class CallCodec(GrainJsonOptions json)
{
    public byte[] WriteArguments(GrainCall call)
    {
        var arguments = call.GetArguments();
        var types = call.Method.ParameterTypes;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < types.Count; i++)
            {
                JsonSerializer.Serialize(writer, arguments[i], Contract(types[i]));
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public object?[] ReadArguments(GrainMethod method, ReadOnlySpan<byte> body)
    {
        var types = method.ParameterTypes;
        var arguments = new object?[types.Count];
        var reader = new Utf8JsonReader(body);
        Expect(reader.Read() && reader.TokenType == JsonTokenType.StartArray, method);
        for (var i = 0; i < types.Count; i++)
        {
            Expect(reader.Read(), method);
            arguments[i] = JsonSerializer.Deserialize(ref reader, Contract(types[i]));
        }

        Expect(reader.Read() && reader.TokenType == JsonTokenType.EndArray, method);
        return arguments;
    }

    public byte[] WriteResult(GrainMethod method, object? result) =>
        method.ResultType == typeof(VoidResult) ? [] : JsonSerializer.SerializeToUtf8Bytes(result, Contract(method.ResultType));

    public object? ReadResult(GrainMethod method, ReadOnlySpan<byte> body) =>
        method.ResultType == typeof(VoidResult) ? default(VoidResult) : JsonSerializer.Deserialize(body, Contract(method.ResultType));

    private JsonTypeInfo Contract(Type type) =>
        json.TryGetTypeInfo(type)
        ?? throw new InvalidOperationException($"No System.Text.Json source-generated context knows {type}; add one with AddJsonSerializerContext(...).");

    private static void Expect(bool condition, GrainMethod method)
    {
        if (!condition)
        {
            throw new JsonException($"The arguments of {method.FullName} are not a JSON array with one element per parameter.");
        }
    }
}
