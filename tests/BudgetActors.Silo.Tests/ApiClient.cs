using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BudgetActors.Silo.Api;

namespace BudgetActors.Silo.Tests;

/// <summary>HTTP calls to the API with one bearer token (or none), and the assertions every test makes of the answers.</summary>
public sealed class ApiClient(HttpClient http, string? token)
{
    public static readonly JsonSerializerOptions Json = ApiJsonContext.Default.Options;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    /// <summary>Sends <paramref name="body"/> as JSON: a string as it is (for bodies a client might forge), anything else serialised.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8, "application/json");
        }

        change?.Invoke(request);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>GETs <paramref name="path"/>, which must answer 200 with a <typeparamref name="T"/>.</summary>
    public async Task<T> ReadAsync<T>(string path)
    {
        using var response = await GetAsync(path);
        return await OkAsync<T>(response);
    }

    /// <summary>Sends, and requires a 2xx answer.</summary>
    public async Task DoAsync(HttpMethod method, string path, object? body = null)
    {
        using var response = await SendAsync(method, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>Requires an RFC 7807 answer with <paramref name="status"/> and the workflow code <paramref name="code"/>; returns its JSON.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
