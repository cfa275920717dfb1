using OrganBot.Bot.Announcements;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Delivery;
using OrganBot.Bot.Endpoints;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Dialogs;

var builder = WebApplication.CreateBuilder(args);

builder.AddBotProtocol();   // Activity JSON, connector client, turn processing
builder.AddBotAuth();       // inbound JWT validation, outbound tokens (dev mode without MicrosoftAppId)
builder.AddBotStorage();    // EF Core: SQLite by default, PostgreSQL when configured
builder.AddDelivery();      // outbound delivery pipeline: outbox, pacer, worker (Delivery:*)
builder.AddAnnouncements();  // admin announcements: 发布公告 / 公告列表 / 导出发送结果 (Announcements:*)
builder.Services.AddDialogs();
builder.Services.AddProblemDetails();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapBotEndpoints();
app.MapAnnouncements();      // results CSV download behind a secret link
app.Run();
