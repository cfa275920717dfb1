using OrganBot.Bot.Knowledge;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Tests.Knowledge;

/// <summary>The knowledge base built exactly as the bot and the CLI build it (seeds/speech.txt in the output).</summary>
internal static class KnowledgeFixture
{
    private static readonly Lazy<KnowledgeBase> s_knowledge = new(() => KnowledgeLoader.Load());

    public static KnowledgeBase Knowledge => s_knowledge.Value;

    public static string Speech => File.ReadAllText(KnowledgeLoader.ResolvePath("seeds/speech.txt"));

    /// <summary>The dev set, the project's copy (Knowledge/Data/dev.jsonl in the test output).</summary>
    public static string DevSetPath() => DataPath("dev.jsonl");

    /// <summary>An evaluation set copied to the test output (Knowledge/Data).</summary>
    public static string DataPath(string fileName) => Path.Combine(AppContext.BaseDirectory, "Knowledge", "Data", fileName);

    /// <summary>Questions the speech does not address (office life, money, dates); none may get a confident citation.</summary>
    public static readonly string[] Unanswerable =
    [
        "党费交多少", "年假怎么请", "食堂几点开门", "工资什么时候发", "报销流程是什么", "加班有没有调休", "单位体检安排在哪天",
        "停车位怎么申请", "机关工会会费交多少", "党员发展要走哪些程序", "入党申请书怎么写", "明天天气怎么样", "支部换届选举怎么搞",
        "公积金怎么提取", "How do I apply for annual leave?", "What time does the canteen open?", "How much are Party membership dues?",
        "What is the WiFi password?",
    ];

    /// <summary>Written after tuning and never used to tune: a rough check that the numbers hold on unseen questions.</summary>
    public static readonly string[] UnanswerableFresh =
    [
        "党员请假外出要报备吗", "工会会员生日福利有哪些", "How do I book a meeting room?", "办公电脑坏了找谁修", "差旅费标准是多少",
        "妇联三八节发什么礼品", "退休手续怎么办理", "Where can I print documents?",
    ];

    /// <summary>Answerable questions written after tuning (question, gold substrings).</summary>
    public static readonly (string Question, string[] Gold)[] AnswerableFresh =
    [
        ("两个维护指的是什么", ["把“两个维护”作为最坚定的政治立场"]),
        ("怎样补充精神之钙", ["补充“精神之钙”需要坚持不懈、久久为功"]),
        ("What does the speech say about the immersive Party class?", ["沉浸式党课"]),
        ("今年被定为什么年", ["攻坚突破年"]),
        ("代表联系群众有什么要求", ["丰富代表联系群众的内容和形式"]),
        ("批评和自我批评", ["用好批评和自我批评的武器"]),
        ("机关党委具体负责什么", ["履行好具体负责机关党建工作的职责"]),
        ("How should mass organisations build their brands?", ["持续性培塑几个有人大特色的工作品牌"]),
        ("工会妇联要有什么样的干劲", ["以一抓到底的狠劲"]),
        ("第四部分讲了哪几点", ["一是必须压紧责任链条"]),
        ("主題黨日要怎麼搞", ["各支部“主题党日”活动"]),
        ("监督整改怎么打通最后一公里", ["打通监督环节问题整改的“最后一公里”"]),
        ("重大事项决定要怎么改进", ["优化讨论决定重大事项流程"]),
        ("What is the soul of mass organisations?", ["政治性则是群团组织的灵魂"]),
    ];
}
