using BudgetActors.Testing;

namespace BudgetActors.Erp.Tests;

/// <summary>
/// What every connector promises the ERP gateway, run against the simulator over real HTTP on loopback.
/// Each test gets a simulator of its own on a fake clock; the connector's waits step that clock.
/// </summary>
public abstract class ErpConnectorContract : IAsyncLifetime
{
    protected FakeTimeProvider SimulatorClock { get; } = new(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));

    protected ErpSimulatorServer Simulator { get; private set; } = null!;

    protected IErpConnector Connector { get; private set; } = null!;

    protected SteppingClock ConnectorClock { get; }

    protected ErpConnectorContract() => ConnectorClock = new SteppingClock(SimulatorClock);

    protected abstract SimulatedSystem System { get; }

    protected abstract string CompanyCode { get; }

    /// <summary>The ERP's code and column for a job that does not exist.</summary>
    protected abstract (string Code, string Column) MissingJob { get; }

    /// <summary>The ERP's code and column for a phase the company does not know.</summary>
    protected abstract (string Code, string Column) InvalidPhase { get; }

    /// <summary>The ERP's code and column for a posting to a closed job.</summary>
    protected abstract (string Code, string Column) ClosedJob { get; }

    /// <summary>The ERP's code and column for a caller with the wrong credential.</summary>
    protected abstract (string Code, string Column) NotAuthorised { get; }

    protected SimulatedCompany Company => Simulator.Erp.Company(System, CompanyCode);

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>A connector to the simulator's company, with <paramref name="credential"/> in place of the right one when given.</summary>
    protected abstract IErpConnector CreateConnector(Uri baseAddress, string? credential = null, TimeSpan? requestTimeout = null);

    public async ValueTask InitializeAsync()
    {
        Simulator = await ErpSimulatorServer.StartAsync(ContractData.Data, new ErpSimulatorOptions { Time = SimulatorClock }, Cancellation);
        Connector = CreateConnector(Simulator.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Simulator.DisposeAsync();
    }

    protected static ExportRequest Export(string job, int submission, params ExportLine[] lines) => new($"acme:{job}", submission, job, lines);

    protected PhaseData? Phase(string job, string costCode, string costType) =>
        Company.Snapshot().Single(j => j.Job == job).Phases.SingleOrDefault(p => p.CostCode == costCode && p.CostType == costType);

    [Fact]
    public async Task A_known_job_is_read_with_whether_it_holds_estimates()
    {
        var empty = await Connector.GetJobAsync(CompanyCode, ContractData.EmptyJob, Cancellation);
        var estimated = await Connector.GetJobAsync(CompanyCode, ContractData.EstimatedJob, Cancellation);

        Assert.Equal(new ErpJobInfo(ContractData.EmptyJob, "Tower 7", HasEstimates: false), empty);
        Assert.Equal(new ErpJobInfo(ContractData.EstimatedJob, "Parking Deck", HasEstimates: true), estimated);
    }

    [Fact]
    public async Task An_unknown_job_reads_as_none()
    {
        Assert.Null(await Connector.GetJobAsync(CompanyCode, "99-999", Cancellation));
    }

    [Fact]
    public async Task Values_that_need_escaping_go_to_the_erp_and_come_back_unchanged()
    {
        var job = await Connector.GetJobAsync(CompanyCode, ContractData.OddJob, Cancellation);

        Assert.Equal(new ErpJobInfo(ContractData.OddJob, "R&D <Lab> \"east\" & 'west'", false), job);
    }

    [Fact]
    public async Task Estimates_carry_original_estimates_and_job_to_date_cost_per_phase_and_cost_type()
    {
        var estimates = await Connector.GetEstimatesAsync(CompanyCode, ContractData.EstimatedJob, Cancellation);

        Assert.Equal(
            [
                new ErpEstimate("03-300", "M", "Concrete", 130_000m, 12_000m),
                new ErpEstimate("05-100", "S", "Steel", 0m, 4_500m),
                new ErpEstimate("09-900", "L", "Paint", 8_250.50m, 0m),
            ],
            estimates);
    }

    [Fact]
    public async Task Estimates_of_an_unknown_job_are_refused_as_missing()
    {
        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.GetEstimatesAsync(CompanyCode, "99-999", Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal(MissingJob, (refused.Error.Code, refused.Error.Column));
        Assert.Contains("99-999", refused.Error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_codes_are_the_companys()
    {
        Assert.Equal(ContractData.CostCodes, await Connector.ListCostCodesAsync(CompanyCode, Cancellation));
    }

    [Fact]
    public async Task A_first_export_writes_original_and_current_estimates()
    {
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 1,
            new ExportLine("03-300", "M", 125_000m, 125_000m),
            new ExportLine("05-100", "S", 340_500.50m, 352_500.50m)), Cancellation);

        Assert.Equal((125_000m, 125_000m), (Phase(ContractData.EmptyJob, "03-300", "M")!.OriginalEstimate, Phase(ContractData.EmptyJob, "03-300", "M")!.CurrentEstimate));
        Assert.Equal((340_500.50m, 352_500.50m), (Phase(ContractData.EmptyJob, "05-100", "S")!.OriginalEstimate, Phase(ContractData.EmptyJob, "05-100", "S")!.CurrentEstimate));
        var read = await Connector.GetEstimatesAsync(CompanyCode, ContractData.EmptyJob, Cancellation);
        Assert.Equal([125_000m, 340_500.50m], read.Select(e => e.OriginalEstimate));
    }

    [Fact]
    public async Task An_update_moves_the_current_estimate_to_the_revised_budget()
    {
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 1, new ExportLine("05-100", "S", 340_000m, 352_000m)), Cancellation);
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 2, new ExportLine("05-100", "S", 340_000m, 349_500m)), Cancellation);
        await Connector.PostEstimatesAsync(CompanyCode, Export(ContractData.EmptyJob, 3, new ExportLine("05-100", "S", 300_000m, 309_500m)), Cancellation);

        var phase = Phase(ContractData.EmptyJob, "05-100", "S")!;
        Assert.Equal((300_000m, 309_500m), (phase.OriginalEstimate, phase.CurrentEstimate));
        Assert.Equal(3, Company.Journal().PostingsApplied);
    }

    [Fact]
    public async Task An_export_sent_again_under_the_same_key_is_applied_once()
    {
        var export = Export(ContractData.EmptyJob, 1, new ExportLine("03-300", "M", 1_000m, 1_500m));

        await Connector.PostEstimatesAsync(CompanyCode, export, Cancellation);
        await Connector.PostEstimatesAsync(CompanyCode, export, Cancellation);

        var journal = Company.Journal();
        Assert.Equal((1L, 0), (journal.PostingsApplied, journal.DoublePostings.Count));
        Assert.Equal(1_500m, Phase(ContractData.EmptyJob, "03-300", "M")!.CurrentEstimate);
    }

    [Fact]
    public async Task An_export_whose_answer_was_lost_is_retried_under_the_same_key_and_applied_once()
    {
        var export = Export(ContractData.EmptyJob, 1, new ExportLine("03-300", "M", 1_000m, 1_500m));
        Company.FailNextCalls(LoseThePostingsAnswer);

        var lost = await Assert.ThrowsAsync<ErpException>(() => Connector.PostEstimatesAsync(CompanyCode, export, Cancellation));
        Assert.True(lost.IsTransient);
        await Connector.PostEstimatesAsync(CompanyCode, export, Cancellation);

        var journal = Company.Journal();
        Assert.Equal((1L, 0), (journal.PostingsApplied, journal.DoublePostings.Count));
        Assert.Equal((1_000m, 1_500m), (Phase(ContractData.EmptyJob, "03-300", "M")!.OriginalEstimate, Phase(ContractData.EmptyJob, "03-300", "M")!.CurrentEstimate));
    }

    /// <summary>Scripted faults that let a posting's reads through and lose the answer to its write.</summary>
    protected abstract ScriptedFault[] LoseThePostingsAnswer { get; }

    [Fact]
    public async Task A_posting_to_an_unknown_phase_is_refused_with_the_column_and_nothing_is_applied()
    {
        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.PostEstimatesAsync(CompanyCode,
            Export(ContractData.EmptyJob, 1, new ExportLine("03-300", "M", 1m, 1m), new ExportLine("77-700", "M", 2m, 2m)), Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal(InvalidPhase, (refused.Error.Code, refused.Error.Column));
        Assert.Contains("77-700", refused.Error.Text, StringComparison.Ordinal);
        Assert.Null(Phase(ContractData.EmptyJob, "03-300", "M"));
    }

    [Fact]
    public async Task A_posting_to_a_closed_job_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.PostEstimatesAsync(CompanyCode,
            Export(ContractData.ClosedJob, 1, new ExportLine("03-300", "M", 1m, 1m)), Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal(ClosedJob, (refused.Error.Code, refused.Error.Column));
    }

    [Fact]
    public async Task A_caller_with_the_wrong_credential_is_refused_and_the_credential_is_not_repeated()
    {
        var stranger = CreateConnector(Simulator.BaseAddress, credential: "not-the-secret");

        var refused = await Assert.ThrowsAsync<ErpException>(() => stranger.ListCostCodesAsync(CompanyCode, Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal(NotAuthorised, (refused.Error.Code, refused.Error.Column));
        Assert.DoesNotContain("not-the-secret", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_company_the_silo_has_no_settings_for_is_refused()
    {
        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.ListCostCodesAsync("042", Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Contains("042 is not configured", refused.Error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_fault_is_transient_and_applies_nothing()
    {
        Company.FailNextCalls(new ScriptedFault(FaultKind.Transient));

        var fault = await Assert.ThrowsAsync<ErpException>(() => Connector.ListCostCodesAsync(CompanyCode, Cancellation));

        Assert.True(fault.IsTransient);
        Assert.Equal(ContractData.CostCodes, await Connector.ListCostCodesAsync(CompanyCode, Cancellation));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("M")]
    [InlineData("A")]
    public async Task A_permanent_error_keeps_the_erps_code(string code)
    {
        Company.FailNextCalls(new ScriptedFault(FaultKind.Permanent, code));

        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.ListCostCodesAsync(CompanyCode, Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal(code, refused.Error.Code);
    }

    [Fact]
    public async Task During_an_outage_calls_fail_transiently_and_succeed_once_it_is_over()
    {
        Company.StartOutage(TimeSpan.FromMinutes(10));

        var down = await Assert.ThrowsAsync<ErpException>(() => Connector.GetJobAsync(CompanyCode, ContractData.EmptyJob, Cancellation));
        Assert.True(down.IsTransient);
        SimulatorClock.Advance(TimeSpan.FromMinutes(10));

        Assert.NotNull(await Connector.GetJobAsync(CompanyCode, ContractData.EmptyJob, Cancellation));
        Assert.Contains(Company.Journal().Entries, e => e.Outcome == "outage");
    }

    [Theory]
    [InlineData(FaultKind.Malformed)]
    [InlineData(FaultKind.Hostile)]
    public async Task An_answer_that_cannot_be_read_safely_is_refused_without_being_used(FaultKind kind)
    {
        Company.FailNextCalls(new ScriptedFault(kind));

        var refused = await Assert.ThrowsAsync<ErpException>(() => Connector.GetJobAsync(CompanyCode, ContractData.EmptyJob, Cancellation));

        Assert.False(refused.IsTransient);
        Assert.Equal("Unreadable", refused.Error.Code);
        Assert.DoesNotContain("root:", refused.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erp_that_does_not_answer_in_time_is_a_transient_timeout()
    {
        Company.Faults = new FaultSettings { LatencyMs = 600_000 }; // on the simulator's fake clock: never, unless moved
        var impatient = CreateConnector(Simulator.BaseAddress, requestTimeout: TimeSpan.FromMilliseconds(200));

        var timeout = await Assert.ThrowsAsync<ErpException>(() => impatient.ListCostCodesAsync(CompanyCode, Cancellation));

        Assert.True(timeout.IsTransient);
        Assert.Equal("Timeout", timeout.Error.Code);
    }

    [Fact]
    public async Task A_caller_that_gives_up_gets_a_cancellation_not_an_erp_error()
    {
        Company.Faults = new FaultSettings { LatencyMs = 600_000 };
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        giveUp.CancelAfter(TimeSpan.FromMilliseconds(100));

        var cancelled = await Record.ExceptionAsync(() => Connector.ListCostCodesAsync(CompanyCode, giveUp.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(cancelled);
    }
}
