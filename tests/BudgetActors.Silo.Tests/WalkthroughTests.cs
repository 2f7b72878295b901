using System.Net;
using BudgetActors.Silo.Api;

namespace BudgetActors.Silo.Tests;

/// <summary>The seed pages' workflow, end to end, as a non-.NET client would drive it: nothing but HTTP and JSON.</summary>
public sealed class WalkthroughTests : ApiTest
{
    [Fact]
    public async Task A_budget_goes_from_created_to_synced_in_the_erp()
    {
        var admin = await AsAsync("admin");
        await admin.DoAsync(HttpMethod.Put, $"{Company}/settings", new CompanySettings(ErpSystem.Spectrum, "001", "America/Chicago", new TimeOnly(6, 30)));
        await admin.DoAsync(HttpMethod.Put, $"{Company}/users/ap2", new CompanyUser("ap2", "Ana Approver", "ana@acme.test", ToolPermission.None, ToolPermission.Admin, true, false));
        await admin.DoAsync(HttpMethod.Put, $"{Company}/projects/tower-9", new ProjectLink("tower-9", "24-009", JobSynced: true));
        Silo.Spectrum.Company("001").WithJob("24-009", "Tower 9");
        var company = await admin.ReadAsync<CompanyView>(Company);
        Assert.Equal((new TimeOnly(6, 30), "spectrum:001"), (company.Settings?.DigestTime, company.ErpGatewayKey));
        Assert.Contains(company.Users, u => u.UserId == "ap2" && u.IsAccountingApprover);

        const string tower9 = "api/v1/companies/acme/budgets/tower-9";
        var pm = await AsAsync("pm");
        using (var created = await pm.PostAsync(tower9))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.EndsWith("/api/v1/companies/acme/budgets/tower-9", created.Headers.Location?.ToString());
        }

        await pm.DoAsync(HttpMethod.Post, $"{tower9}/lines", People.Concrete);
        await pm.DoAsync(HttpMethod.Post, $"{tower9}/lines", People.Steel with { OriginalAmount = 1_000m });
        await pm.DoAsync(HttpMethod.Put, $"{tower9}/lines/05-100/S", People.Steel);
        await pm.DoAsync(HttpMethod.Post, $"{tower9}/lock");
        await pm.DoAsync(HttpMethod.Post, $"{tower9}/changes", new BudgetChange("CO-1", "03-300", "M", 2_500.25m, "Added footing"));
        await pm.DoAsync(HttpMethod.Post, $"{tower9}/send");

        var ap2 = await AsAsync("ap2");
        var pending = Assert.Single(await ap2.ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending"));
        Assert.Equal(("tower-9", 1, "pm", 468_000.75m), (pending.ProjectId, pending.Submission, pending.SentBy, pending.Total));

        await ap2.DoAsync(HttpMethod.Post, $"{tower9}/submissions/{pending.Submission}/accept");
        var view = await SyncedAsync(pm, tower9);

        Assert.Equal(BudgetStatus.Synced, view.Status);
        Assert.Equal(("24-009", 465_500.50m, 2_500.25m, 468_000.75m), (view.ErpJob, view.TotalOriginal, view.TotalChanges, view.TotalRevised));
        Assert.Equal(127_500.25m, Assert.Single(view.Lines, l => l.CostCode == "03-300").Revised);
        Assert.Equal(["pm", "ap2"], view.History.Select(h => h.UserId).Where(u => !u.StartsWith("system:", StringComparison.Ordinal)).Distinct());
        Assert.Empty(await ap2.ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending"));
        Assert.Equal(127_500.25m, Silo.Spectrum.Company("001").Phase("24-009", "03-300", "M")?.CurrentEstimate);
        var queue = await admin.ReadAsync<ErpQueueView>($"{Company}/erp/queue");
        Assert.Equal(("spectrum:001", 0), (queue.Gateway, queue.Depth));
        Assert.True(queue.Completed >= 1);
    }

    [Fact]
    public async Task A_sent_budget_is_retrieved_edited_resent_and_rejected_back_to_its_creator()
    {
        var pm = await SentBudgetAsync();
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/retrieve");
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/unlock");
        await pm.DoAsync(HttpMethod.Delete, $"{Budget}/lines/05-100/S");
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/lock");
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/changes", new BudgetChange("CO-7", "03-300", "M", -5_000m, "Smaller slab"));
        await pm.DoAsync(HttpMethod.Delete, $"{Budget}/changes/CO-7");
        await pm.DoAsync(HttpMethod.Post, $"{Budget}/send");

        var ap1 = await AsAsync("ap1");
        var pending = Assert.Single(await ap1.ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending"));
        Assert.Equal((2, 125_000.00m), (pending.Submission, pending.Total));
        await ap1.DoAsync(HttpMethod.Post, $"{Budget}/submissions/2/reject", new RejectRequest("Concrete needs a quote"));

        var view = await pm.ReadAsync<BudgetView>(Budget);
        Assert.Equal(BudgetStatus.Unlocked, view.Status);
        Assert.Equal(["03-300"], view.Lines.Select(l => l.CostCode));
        Assert.Contains(view.History, h => h.UserId == "ap1" && h.Detail?.Contains("Concrete needs a quote", StringComparison.Ordinal) == true);
        Assert.Empty(await ap1.ReadAsync<IReadOnlyList<PendingItem>>($"{Company}/approvals/pending"));
    }

    [Fact]
    public async Task A_refused_export_is_listed_as_failed_and_retried_by_the_approver()
    {
        await SentBudgetAsync();
        var ap1 = await AsAsync("ap1");
        Silo.Spectrum.Company("001").FailNextCall(new BudgetActors.Erp.ErpException(new ErpError("I", "Phase 03-300 is closed", "Phase"), isTransient: false));

        await ap1.DoAsync(HttpMethod.Post, $"{Budget}/submissions/1/accept");
        Assert.Equal(BudgetStatus.ExportFailed, (await SyncedAsync(ap1, Budget)).Status);
        var failed = Assert.Single(await ap1.ReadAsync<IReadOnlyList<FailedExport>>($"{Company}/approvals/failed"));
        Assert.Equal(("I", "Phase"), (failed.Error.Code, failed.Error.Column));

        await ap1.DoAsync(HttpMethod.Post, $"{Budget}/submissions/1/retry");

        Assert.Equal(BudgetStatus.Synced, (await SyncedAsync(ap1, Budget)).Status);
        Assert.Empty(await ap1.ReadAsync<IReadOnlyList<FailedExport>>($"{Company}/approvals/failed"));
    }

    [Fact]
    public async Task An_import_is_previewed_then_applied()
    {
        Silo.Spectrum.Company("001").WithJob("24-010", "Tower 10", new ErpEstimate("09-900", "L", "Paint", 8_250.50m, 0m));
        var admin = await AsAsync("admin");
        await admin.DoAsync(HttpMethod.Put, $"{Company}/projects/tower-10", new ProjectLink("tower-10", "24-010", JobSynced: true));
        var erpStandard = await AsAsync("erp-std");
        var pm = await AsAsync("pm");
        const string tower10 = "api/v1/companies/acme/budgets/tower-10";
        await pm.DoAsync(HttpMethod.Post, tower10);

        var preview = await erpStandard.ReadAsync<ReimportPreview>($"{tower10}/import/preview?mode=Keep");
        await erpStandard.DoAsync(HttpMethod.Post, $"{tower10}/import", new ImportRequest(ImportMode.Keep));

        Assert.Equal((8_250.50m, 0m, 8_250.50m, 1), (preview.CurrentErpTotal, preview.CurrentBudgetTotal, preview.NewTotal, preview.LinesAdded));
        Assert.Equal(8_250.50m, (await pm.ReadAsync<BudgetView>(tower10)).TotalOriginal);
    }

    /// <summary>Reads the budget until the ERP gateway has reported on its export (polling, as a client would).</summary>
    private static async Task<BudgetView> SyncedAsync(ApiClient client, string budget)
    {
        var guard = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var view = await client.ReadAsync<BudgetView>(budget);
            if (view.Status != BudgetStatus.Exporting)
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < guard, "The export was not reported within 20 seconds.");
            await Task.Yield();
        }
    }
}
