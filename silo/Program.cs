using BudgetActors.Erp;
using BudgetActors.Grains;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Hosting;

// The embedded default: one silo, state, reminders and API tokens in memory, nothing else to install.
// `--postgres "<connection string>"` (or BUDGETACTORS_POSTGRES) keeps them, and the notification outbox, in PostgreSQL.
// The REST API listens on http://localhost:8080 (`--urls` changes it); `token issue ...` gets the first token (README).
var builder = WebApplication.CreateBuilder(args);
var settings = builder.AddSiloSettings(args);

builder.UseBudgetActorsSilo(silo =>
{
    // Until the ERP simulator (issue 4) the embedded silo talks to in-memory Spectrum and Vista ERPs.
    silo.UseLocalhostClustering()
        .AddBudgetWorkflow()
        .AddErpConnector(new InMemoryErp(ErpSystem.Spectrum))
        .AddErpConnector(new InMemoryErp(ErpSystem.Vista))
        .UseSiloStorage(settings);
});
builder.Services.AddBudgetActorsApi();

var app = builder.Build();
app.UseBudgetActorsApi();
return await app.RunSiloAsync(Console.Out, Console.Error);
