using BudgetActors.Grains;
using BudgetActors.Silo;
using BudgetActors.Silo.Api;
using BudgetActors.Silo.Hosting;

// The embedded default: one silo on localhost, state, reminders and API tokens in memory, nothing else to install.
// `--postgres "<connection string>"` (or BUDGETACTORS_POSTGRES) keeps them, and the notification outbox, in PostgreSQL
// and joins every silo on that database. The REST API listens on http://localhost:8080 (`--urls` changes it);
// `token issue ...` gets the first token (README).
var builder = WebApplication.CreateBuilder(args);
var settings = builder.AddSiloSettings(args);

builder.UseOrleans(silo =>
{
    // ERP companies from configuration (Erp:Spectrum:Companies:*, Erp:Vista:Companies:*); with none, an embedded ERP simulator.
    silo.UseSiloClustering(settings, builder.Configuration)
        .AddBudgetWorkflow()
        .AddErpConnectors(builder.Configuration)
        .UseSiloStorage(settings)
        .BindSiloOptions(builder.Configuration);
});
builder.Services.AddBudgetActorsApi();
builder.AddSiloDashboard();

var app = builder.Build();
app.UseBudgetActorsApi();
app.MapSiloHealth();
app.MapSiloDashboard();
return await app.RunSiloAsync(Console.Out, Console.Error);
