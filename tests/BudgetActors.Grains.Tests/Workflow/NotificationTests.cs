using BudgetActors.Erp;
using BudgetActors.Grains.Notifications;
using Microsoft.Extensions.Options;

namespace BudgetActors.Grains.Tests;

public sealed class NotificationTests : MemoryWorkflowTest
{
    [Fact]
    public async Task A_rejection_emails_the_creator_and_the_sender_with_the_reason_once()
    {
        WorkflowSilo.ActAs("pm");
        await Silo.Budget().CreateAsync();
        await Silo.Budget().AddLineAsync(Budgets.Concrete);
        WorkflowSilo.ActAs("admin");
        await Silo.Budget().LockAsync();
        await Silo.Budget().SendAsync();
        WorkflowSilo.ActAs("ap2");
        await Silo.Budget().RejectAsync(1, "  Concrete is missing the footings  ");

        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await Silo.Sender.SendWaitingAsync(ct));
        Assert.Equal(0, await Silo.Sender.SendWaitingAsync(ct));

        var (notice, sentAt) = Assert.Single(await Silo.Outbox.ReadAllAsync(ct));
        Assert.NotNull(sentAt);
        Assert.Equal(["ada@acme.test", "pm@acme.test"], notice.To.Order());
        var email = await File.ReadAllTextAsync(Path.Combine(Silo.MailFolder, PickupFolderMailTransport.FileNameOf(notice.Key)), ct);
        Assert.Contains("Subject: Budget for project tower-7 was rejected", email);
        Assert.Contains("Reason: Concrete is missing the footings", email);
        Assert.Contains("Ana Approver rejected the budget", email);
    }

    [Fact]
    public async Task A_failed_export_emails_the_sender_with_the_erp_error()
    {
        var budget = await Silo.SentBudgetAsync();
        Silo.Erp.FailNextCall(new ErpException(new ErpError("I", "Cost type S is not valid for phase 05-100", "Cost_Type"), isTransient: false));
        WorkflowSilo.ActAs("ap1");
        await budget.AcceptAsync(1);
        await WorkflowSilo.ExportedAsync(budget);

        var notice = Assert.Single(await Silo.Outbox.ReadAllAsync(TestContext.Current.CancellationToken)).Notification;

        Assert.Equal(["pm@acme.test"], notice.To);
        Assert.Equal("Budget for project tower-7 failed to export", notice.Subject);
        Assert.Contains("ERP error: I - Cost type S is not valid for phase 05-100 (column Cost_Type)", notice.Body);
        Assert.Contains("Failed to Export", notice.Body);
    }

    [Fact]
    public async Task The_outbox_keeps_one_notification_per_key_and_a_failed_send_is_tried_again_later()
    {
        var ct = TestContext.Current.CancellationToken;
        var outbox = new MemoryNotificationOutbox();
        var notice = new Notification("rejected:acme:tower-7#1", ["pm@acme.test"], "Rejected", "Because.", Silo.Time.GetUtcNow());
        await outbox.AddAsync([notice, notice], ct);
        await outbox.AddAsync([notice with { Body = "again" }], ct);
        var transport = new FlakyTransport();
        var options = Options.Create(new NotificationOptions { RetryDelay = TimeSpan.FromMinutes(1) });
        var sender = new NotificationSender(outbox, transport, Silo.Time, options, Microsoft.Extensions.Logging.Abstractions.NullLogger<NotificationSender>.Instance);

        Assert.Equal(0, await sender.SendWaitingAsync(ct)); // the transport fails once
        Assert.Equal(0, await sender.SendWaitingAsync(ct)); // not before the retry delay
        Silo.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await sender.SendWaitingAsync(ct));

        Assert.Equal(["Because."], transport.Delivered);
    }

    private sealed class FlakyTransport : IMailTransport
    {
        private bool _failed;

        public List<string> Delivered { get; } = [];

        public Task SendAsync(Notification notification, CancellationToken cancellationToken)
        {
            if (!_failed)
            {
                _failed = true;
                throw new IOException("The SMTP server closed the connection.");
            }

            Delivered.Add(notification.Body);
            return Task.CompletedTask;
        }
    }
}
