using System.Text.Json;

namespace BudgetActors.Dashboard.Tests;

/// <summary>A page's event stream (<c>api/{page}/stream</c>) as a test reads it: one pushed sample at a time.</summary>
public sealed class LiveStream : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private LiveStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the stream of page <paramref name="page"/> with a client that is logged in.</summary>
    public static async Task<LiveStream> OpenAsync(HttpClient http, string page)
    {
        var response = await http.GetAsync($"api/{page}/stream", HttpCompletionOption.ResponseHeadersRead, Ct);
        response.EnsureSuccessStatusCode();
        return new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(Ct)));
    }

    public async Task<JsonElement> NextAsync()
    {
        while (await _reader.ReadLineAsync(Ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
            }
        }

        throw new EndOfStreamException("The event stream ended.");
    }

    /// <summary>Reads samples (one a sample interval) until one shows what <paramref name="shows"/> waits for.</summary>
    public async Task<JsonElement> UntilAsync(Func<JsonElement, bool> shows)
    {
        JsonElement sample;
        do
        {
            sample = await NextAsync();
        }
        while (!shows(sample));

        return sample;
    }

    /// <summary>Reads what is left of a stream the silo ends.</summary>
    public async Task ReadToEndAsync()
    {
        while (await _reader.ReadLineAsync(Ct) is not null)
        {
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
