using BudgetActors.Erp.Vista;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetActors.Erp.Tests;

/// <summary>The connector contract for Vista, and what only Vista does (paging, the action queue, change orders, 429).</summary>
public sealed class VistaConnectorTests : ErpConnectorContract
{
    private int _pageSize = VistaOptions.MaxPageSize;
    private int _rateLimitRetries = 5;

    protected override SimulatedSystem System => SimulatedSystem.Vista;

    protected override string CompanyCode => ContractData.VistaCompany;

    protected override (string Code, string Column) MissingJob => ("NotFound", "Job");

    protected override (string Code, string Column) InvalidPhase => ("Invalid", "Phase");

    protected override (string Code, string Column) ClosedJob => ("Invalid", "Job");

    protected override (string Code, string Column) NotAuthorised => ("Unauthorized", "X-Api-Key");

    // Reading the job's phases goes through; submitting the action is applied but its answer is lost.
    protected override ScriptedFault[] LoseThePostingsAnswer => [new(FaultKind.None), new(FaultKind.LostResponse)];

    protected override IErpConnector CreateConnector(Uri baseAddress, string? credential = null, TimeSpan? requestTimeout = null)
    {
        var options = new VistaOptions
        {
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
            PageSize = _pageSize,
            MaxRateLimitRetries = _rateLimitRetries,
            ActionPollInterval = TimeSpan.FromMilliseconds(250),
            ActionTimeout = TimeSpan.FromSeconds(10),
        };
        options.Companies[ContractData.VistaCompany] = new VistaCompanyOptions { BaseUrl = baseAddress, ApiKey = credential ?? ContractData.VistaApiKey };
        return new VistaConnector(ErpServiceCollectionExtensions.CreateHttpClient(), options, ConnectorClock, NullLogger<VistaConnector>.Instance);
    }

    [Fact]
    public async Task Reads_page_through_every_row()
    {
        _pageSize = 2;
        var connector = CreateConnector(Simulator.BaseAddress);

        var estimates = await connector.GetEstimatesAsync(CompanyCode, ContractData.LargeJob, Cancellation);

        Assert.Equal(ContractData.CostCodes, estimates.Select(e => e.CostCode));
        Assert.Equal(6, Company.Journal().Entries.Count); // 3 pages of phases, 3 pages of job cost
    }

    [Fact]
    public async Task The_simulated_vista_refuses_a_page_larger_than_1000()
    {
        using var http = new HttpClient { BaseAddress = Simulator.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "vista/companies/1/jobs?limit=1001");
        request.Headers.Add("X-Api-Key", ContractData.VistaApiKey);

        using var response = await http.SendAsync(request, Cancellation);

        Assert.Equal(global::System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"limit\"", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_changes_go_as_a_change_order_for_the_difference_and_originals_as_original_estimates()
    {
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 1, new ExportLine("05-100", "S", 340_000m, 352_000m)), Cancellation);
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 2, new ExportLine("05-100", "S", 340_000m, 349_500m)), Cancellation);

        var phase = Phase(ContractData.EmptyJob, "05-100", "S")!;
        Assert.Equal((340_000m, 349_500m), (phase.OriginalEstimate, phase.CurrentEstimate));
    }

    [Fact]
    public async Task A_429_is_waited_out_for_as_long_as_retry_after_says()
    {
        Company.FailNextCalls(new ScriptedFault(FaultKind.RateLimited, RetryAfterSeconds: 7), new ScriptedFault(FaultKind.RateLimited, RetryAfterSeconds: 3));

        var codes = await Connector.ListCostCodesAsync(CompanyCode, Cancellation);

        Assert.Equal(ContractData.CostCodes, codes);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(3)], ConnectorClock.Waits);
    }

    [Fact]
    public async Task A_429_that_does_not_stop_is_a_transient_failure_after_the_allowed_retries()
    {
        _rateLimitRetries = 2;
        var connector = CreateConnector(Simulator.BaseAddress);
        Company.Faults = new FaultSettings { RateLimitRate = 1.0, RetryAfterSeconds = 1 };

        var limited = await Assert.ThrowsAsync<ErpException>(() => connector.ListCostCodesAsync(CompanyCode, Cancellation));

        Assert.True(limited.IsTransient);
        Assert.Equal("RateLimited", limited.Error.Code);
        Assert.Equal(3, Company.Journal().Calls);
    }

    [Fact]
    public async Task A_queued_action_is_polled_until_it_is_done()
    {
        Company.Faults = new FaultSettings { ActionDelayMs = 1_000 };

        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 1, new ExportLine("03-300", "M", 5_000m, 5_000m)), Cancellation);

        Assert.Equal(5_000m, Phase(ContractData.EmptyJob, "03-300", "M")!.OriginalEstimate);
        Assert.Equal(4, Company.Journal().Entries.Count(e => e.Operation == "get action")); // polled every 250 ms for 1 s
    }

    [Fact]
    public async Task An_action_still_queued_at_the_deadline_fails_transiently_and_the_retry_finds_the_same_action()
    {
        Company.Faults = new FaultSettings { ActionDelayMs = 15_000 };
        var export = Export(ContractData.EmptyJob, 1, new ExportLine("03-300", "M", 5_000m, 6_000m));

        var pending = await Assert.ThrowsAsync<ErpException>(() => Connector.PostEstimatesAsync(CompanyCode, export, Cancellation));
        Assert.True(pending.IsTransient);
        await Connector.PostEstimatesAsync(CompanyCode, export, Cancellation);

        var journal = Company.Journal();
        Assert.Equal((1L, 0), (journal.PostingsApplied, journal.DoublePostings.Count));
        Assert.Equal(["queued", "duplicate"], journal.Entries.Where(e => e.Operation == "submit action").Select(e => e.Outcome));
        Assert.Equal((5_000m, 6_000m), (Phase(ContractData.EmptyJob, "03-300", "M")!.OriginalEstimate, Phase(ContractData.EmptyJob, "03-300", "M")!.CurrentEstimate));
    }
}
