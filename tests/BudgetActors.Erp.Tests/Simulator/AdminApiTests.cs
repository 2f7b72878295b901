using System.Net;
using System.Net.Http.Json;
using BudgetActors.Testing;

namespace BudgetActors.Erp.Tests;

/// <summary>Operators and tests drive a running simulator over its admin endpoint.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
    private ErpSimulatorServer _simulator = null!;
    private HttpClient _http = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _simulator = await ErpSimulatorServer.StartAsync(ContractData.Data, new ErpSimulatorOptions { Time = _clock }, Cancellation);
        _http = new HttpClient { BaseAddress = _simulator.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task Fault_settings_put_over_the_admin_endpoint_take_effect_and_read_back()
    {
        var settings = new FaultSettings { LatencyMs = 20, JitterMs = 5, TransientErrorRate = 0.05, PermanentErrorCode = "M", RateLimitRate = 0.1, RetryAfterSeconds = 2 };

        using var put = await _http.PutAsJsonAsync("admin/companies/vista/1/faults", settings, SimulatorJsonContext.Default.FaultSettings, Cancellation);
        var read = await _http.GetFromJsonAsync("admin/companies/vista/1/faults", SimulatorJsonContext.Default.FaultSettings, Cancellation);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equivalent(settings, read);
        Assert.Equal(0.05, _simulator.Erp.Company(SimulatedSystem.Vista, "1").Faults.TransientErrorRate);
    }

    [Fact]
    public async Task Fields_a_put_leaves_out_take_their_defaults_and_the_company_keeps_answering()
    {
        using var put = await _http.PutAsync(
            "admin/companies/vista/1/faults", new StringContent("""{ "permanentErrorCode": "M" }""", System.Text.Encoding.UTF8, "application/json"), Cancellation);
        var read = await _http.GetFromJsonAsync("admin/companies/vista/1/faults", SimulatorJsonContext.Default.FaultSettings, Cancellation);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equivalent(new FaultSettings { PermanentErrorCode = "M" }, read);
        Assert.Equal(HttpStatusCode.OK, await VistaPhasesAsync());
    }

    [Fact]
    public async Task An_outage_started_over_the_admin_endpoint_refuses_calls_until_it_ends_and_the_journal_shows_them()
    {
        using var outage = await _http.PostAsJsonAsync("admin/companies/vista/1/outage", new OutageRequest(60), SimulatorJsonContext.Default.OutageRequest, Cancellation);
        Assert.Equal(HttpStatusCode.OK, outage.StatusCode);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await VistaPhasesAsync());
        _clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, await VistaPhasesAsync());

        var journal = await _http.GetFromJsonAsync("admin/companies/vista/1/journal", SimulatorJsonContext.Default.JournalReport, Cancellation);
        Assert.Equal(["outage", "ok"], journal!.Entries.Select(e => e.Outcome));
    }

    [Fact]
    public async Task Scripted_faults_queue_up_one_per_call()
    {
        using var next = await _http.PostAsJsonAsync("admin/companies/vista/1/faults/next",
            new[] { new ScriptedFault(FaultKind.RateLimited, RetryAfterSeconds: 9), new ScriptedFault(FaultKind.Transient) },
            SimulatorJsonContext.Default.ScriptedFaultArray, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, await VistaPhasesAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await VistaPhasesAsync());
        Assert.Equal(HttpStatusCode.OK, await VistaPhasesAsync());
    }

    [Fact]
    public async Task The_data_a_company_holds_now_and_the_company_list_are_readable()
    {
        var jobs = await _http.GetFromJsonAsync("admin/companies/spectrum/001/jobs", SimulatorJsonContext.Default.IReadOnlyListJobData, Cancellation);
        var companies = await _http.GetFromJsonAsync("admin/companies/", SimulatorJsonContext.Default.IReadOnlyListCompanySummary, Cancellation);

        Assert.Equal(130_000m, jobs!.Single(j => j.Job == ContractData.EstimatedJob).Phases[0].OriginalEstimate);
        Assert.Equal([(SimulatedSystem.Spectrum, "001"), (SimulatedSystem.Vista, "1")], companies!.Select(c => (c.System, c.Code)).Order());
        using var unknown = await _http.GetAsync("admin/companies/vista/77/journal", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public void The_demo_data_set_has_a_spectrum_and_a_vista_company()
    {
        var demo = SimulatorData.Demo();

        Assert.Equal([(SimulatedSystem.Spectrum, "001"), (SimulatedSystem.Vista, "1")], demo.Companies.Select(c => (c.System, c.Code)));
        Assert.All(demo.Companies, c => Assert.NotEmpty(c.Jobs));
    }

    private async Task<HttpStatusCode> VistaPhasesAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"vista/companies/1/jobs/{ContractData.EstimatedJob}/phases");
        request.Headers.Add("X-Api-Key", ContractData.VistaApiKey);
        using var response = await _http.SendAsync(request, Cancellation);
        return response.StatusCode;
    }
}
