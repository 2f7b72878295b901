namespace BudgetActors.Runtime.Tests;

public sealed class RequestContextTests : SiloTest
{
    [Fact]
    public async Task Values_and_the_caller_flow_with_the_call_into_the_grain()
    {
        var key = TestSilo.NewKey("ctx");
        RequestContext.Caller = new CallerIdentity("acme", "pm-1");
        RequestContext.Set("project", "tower-7");

        var seen = await Silo.Client.GetGrain<IContextGrain>(key).ReadAsync("project");

        Assert.Equal($"project=tower-7; caller=pm-1@acme; chain=context/{key}; correlation={RequestContext.CorrelationId}", seen);
    }

    [Fact]
    public async Task Values_set_inside_a_grain_flow_to_the_grains_it_calls_and_not_back_to_the_caller()
    {
        var (a, b) = (TestSilo.NewKey("a"), TestSilo.NewKey("b"));
        RequestContext.Caller = new CallerIdentity("acme", "approver-2");

        var seen = await Silo.Client.GetGrain<IContextGrain>(a).ForwardAsync(b, "added-by-" + a);

        Assert.Equal($"added-by-{a}=yes; caller=approver-2@acme; chain=context/{a} -> context/{b}; correlation={RequestContext.CorrelationId}", seen);
        Assert.Null(RequestContext.Get("added-by-" + a));
    }

    [Fact]
    public async Task A_call_made_with_no_context_has_no_caller()
    {
        RequestContext.Caller = null;
        var key = TestSilo.NewKey("anonymous");

        var seen = await Silo.Client.GetGrain<IContextGrain>(key).ReadAsync("x");

        Assert.StartsWith("x=; caller=; chain=context/", seen);
    }
}
