using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Playground;

/// <summary>
/// Issue 4 end to end in the real Agents Playground: the member flow (start, server-side validation, correction,
/// confirm, receipt), then the Playground user, who is also a configured admin (and has no feedback channel yet),
/// gets the new-ticket card in the same 1:1 chat, presses Accept, and is told as the member.
/// The Playground's own messages are en-US, so the interface is English.
/// </summary>
public sealed partial class FeedbackPlaygroundTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Playground_MemberFlowThenAdminAccepts_ReceiptTicketAndMemberNotified()
    {
        Assert.SkipWhen(playground.SkipReason is not null, playground.SkipReason ?? "");
        var client = playground.Client;
        var ct = TestContext.Current.CancellationToken;

        await client.SendTextAsync("feedback", cancellationToken: ct);
        var form = await client.WaitForCardAsync(card => card.Readable().Contains("Give feedback"), cancellationToken: ct);
        Assert.Equal(["Next", "Cancel"], form.CardActions().Select(a => a["title"]!.GetValue<string>()));

        // Only spaces get past the renderer's "required" check; the bot must catch them and keep the chosen category.
        var invalid = await client.PressForCardAsync(form, "Next", new JsonObject { ["category"] = "life", ["content"] = "   " }, ct);
        Assert.Contains("Please describe your request before submitting.", invalid.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("Category: Help with daily life", invalid.VisibleText(), StringComparison.Ordinal);

        const string content = "希望食堂晚餐延长到七点，方便加班的同志。";
        var confirm = await client.PressForCardAsync(invalid, "Next", new JsonObject { ["content"] = content }, ct);
        Assert.Contains("Please confirm your feedback", confirm.VisibleText(), StringComparison.Ordinal);
        Assert.Contains(content, confirm.VisibleText(), StringComparison.Ordinal);

        var receipt = await client.PressForCardAsync(confirm, "Submit", cancellationToken: ct);
        var number = TicketNumber().Match(receipt.VisibleText());
        Assert.True(number.Success, "No ticket number on the receipt:\n" + receipt.VisibleText());
        var year = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).Year;
        Assert.Equal(year.ToString(CultureInfo.InvariantCulture), number.Groups[1].Value);
        Assert.Contains("Thank you, we have your feedback.", receipt.VisibleText(), StringComparison.Ordinal);
        Assert.DoesNotContain("[Submit]", receipt.VisibleText(), StringComparison.Ordinal);

        // The admin (the same Playground user, no feedback channel set) gets the ticket card in the 1:1 chat.
        var ticket = await client.WaitForCardAsync(card => card.Readable().Contains("Feedback " + number.Value), cancellationToken: ct);
        Assert.Equal(PlaygroundIdentity.PersonalChatId, ticket.ConversationId);
        Assert.Contains(content, ticket.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("Status: Awaiting acceptance", ticket.VisibleText(), StringComparison.Ordinal);
        Assert.Contains($"From: {PlaygroundIdentity.UserName}", ticket.VisibleText(), StringComparison.Ordinal);
        Assert.Equal(["Accept", "Refer", "Reply", "Resolve"], ticket.CardActions().Select(a => a["title"]!.GetValue<string>()));

        var accepted = await client.PressForCardAsync(ticket, "Accept", cancellationToken: ct);
        Assert.Contains("Status: Accepted", accepted.VisibleText(), StringComparison.Ordinal);
        Assert.DoesNotContain("[Accept]", accepted.VisibleText(), StringComparison.Ordinal);

        var notice = await client.WaitForCardAsync(card => card.Readable().Contains("News on your feedback " + number.Value), cancellationToken: ct);
        Assert.True(notice.IsCreate);
        Assert.Contains("Status: Accepted", notice.VisibleText(), StringComparison.Ordinal);
        Assert.Contains("[My feedback]", notice.VisibleText(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\bNX-(\d{4})-\d{4}\b")]
    private static partial Regex TicketNumber();
}
