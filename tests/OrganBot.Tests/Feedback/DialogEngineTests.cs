using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using OrganBot.Tests.Fakes;

namespace OrganBot.Tests.Feedback;

public sealed class DialogEngineTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
    private FeedbackHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await FeedbackHost.StartAsync(
        new() { ["Dialogs:IdleTimeout"] = "00:20:00" },
        services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Dialog_IdleLongerThanTheConfiguredTimeout_Expires()
    {
        await _host.MemberSaysAsync("反馈");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;

        _time.Advance(TimeSpan.FromMinutes(21));
        await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "work", "超时之后提交", anonymous: false));

        await _host.WaitForTextAsync(Activities.ConversationId, "卡片已失效");
        _host.Connector.Clear();
        await _host.MemberSaysAsync("取消");
        await _host.WaitForTextAsync(Activities.ConversationId, "没有进行中的操作");
    }

    [Fact]
    public async Task Dialog_UsedWithinTheTimeout_StaysOpen()
    {
        await _host.MemberSaysAsync("反馈");
        var form = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;

        _time.Advance(TimeSpan.FromMinutes(19));
        var confirm = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.form.submit", FeedbackHost.Inputs(form, "feedback.form.submit", "work", "按时提交", anonymous: false)));
        _time.Advance(TimeSpan.FromMinutes(19));
        var receipt = FeedbackHost.InvokeCard(await _host.ExecuteAsync("feedback.confirm.submit", FeedbackHost.ActionData(confirm, "feedback.confirm.submit")));

        Assert.Contains("NX-2026-0001", receipt.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContinueWord_ResendsTheOpenDialogCard()
    {
        await _host.MemberSaysAsync("反馈");
        await _host.WaitForSendAsync(Activities.ConversationId);
        _host.Connector.Clear();

        await _host.MemberSaysAsync("继续");

        var card = (await _host.WaitForSendAsync(Activities.ConversationId)).Card!;
        Assert.True(FeedbackHost.HasAction(card, "feedback.form.submit"));
    }
}
