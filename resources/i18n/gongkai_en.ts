<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
    <context>
        <name>About</name>
        <message>
            <location filename="_extra_sources.py" line="18" />
            <source>关于公开专区工作台</source>
            <translation>About Gongkai</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="19" />
            <source>本软件以 Apache-2.0 许可发布。</source>
            <translation>This software is released under the Apache-2.0 licence.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="20" />
            <source>界面与打印字体：文泉驿微米黑（Apache-2.0 或 GPL-3.0+ 附字体例外）</source>
            <translation>UI and print font: WenQuanYi Micro Hei (Apache-2.0 or GPL-3.0+ with font exception)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="21" />
            <source>数据目录：</source>
            <translation>Data folder: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="22" />
            <source>基层政务公开专区的标准目录、公示公告、活动日历、依申请公开与同步。</source>
            <translation>Catalogue, notices, event calendar, information requests and sync for a township government-disclosure zone.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="23" />
            <source>公开专区工作台</source>
            <translation>Disclosure Zone Desk</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <location filename="_extra_sources.py" line="427" />
            <source>编辑活动</source>
            <translation>Edit event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="428" />
            <source>报名与签到</source>
            <translation>Registrations and check-in</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="429" />
            <source>登记已举办</source>
            <translation>Mark as held</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="430" />
            <source>总结报告与采纳情况</source>
            <translation>Closing report and adoption</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="431" />
            <source>公开采纳情况</source>
            <translation>Publish adoption</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="432" />
            <source>确认已公开“{title}”的意见建议采纳情况？公开后报告不能再修改。</source>
            <translation>Confirm that the adoption of suggestions for “{title}” has been published? The report cannot be changed afterwards.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="433" />
            <source>调整本次时间</source>
            <translation>Move this occurrence</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="434" />
            <source>取消本次（重复活动）</source>
            <translation>Cancel this occurrence (series)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="435" />
            <source>取消“{title}”的这一次活动？已取消的一次不能恢复。</source>
            <translation>Cancel this occurrence of “{title}”? A cancelled occurrence cannot be restored.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="436" />
            <source>取消整个活动</source>
            <translation>Cancel the whole event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="437" />
            <source>打印海报</source>
            <translation>Print poster</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="438" />
            <source>打印签到表</source>
            <translation>Print sign-in sheet</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="439" />
            <source>打印采纳情况</source>
            <translation>Print adoption report</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="440" />
            <source>新建活动</source>
            <translation>New event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="441" />
            <source>导入 .ics</source>
            <translation>Import .ics</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="442" />
            <source>设置年度目标…</source>
            <translation>Set yearly targets…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="443" />
            <source>类型同义词…</source>
            <translation>Type synonyms…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="444" />
            <source>新建公示…</source>
            <translation>New notice…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="445" />
            <source>修改…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="446" />
            <source>提交审核</source>
            <translation>Submit for review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="447" />
            <source>审核…</source>
            <translation>Review…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="448" />
            <source>发布</source>
            <translation>Publish</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="449" />
            <source>发布后，“{title}”将在市级平台和触摸屏上公开，不能撤销（只能由管理员撤回）。确定发布吗？</source>
            <translation>Once published, “{title}” is public on the city platform and the touch screen; this cannot be undone (only an administrator can withdraw it). Publish?</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="450" />
            <source>预览与打印…</source>
            <translation>Preview and print…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="451" />
            <source>撤回…</source>
            <translation>Withdraw…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="452" />
            <source>撤回后，“{title}”不再公开，已张贴的须今天撤下；撤回不能撤销。确定撤回吗？</source>
            <translation>Once withdrawn, “{title}” is no longer public and its postings must come down today; this cannot be undone. Withdraw?</translation>
        </message>
    </context>
    <context>
        <name>AddStaffDialog</name>
        <message>
            <source>用户名</source>
            <translation type="obsolete">Username</translation>
        </message>
        <message>
            <source>姓名</source>
            <translation type="obsolete">Name</translation>
        </message>
    </context>
    <context>
        <name>AnswerDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="252" />
            <source>签发答复</source>
            <translation>Issue reply</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="253" />
            <source>答复类型决定年度报告中计入的行和打印的告知书。</source>
            <translation>The reply type decides the annual-report row it counts in and the letter that is printed.</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="264" />
            <source>理由、提供方式，或负责公开的机关及联系方式</source>
            <translation>Reasons, how provided, or the responsible body and its contact</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="268" />
            <source>不收费</source>
            <translation>No fee</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="269" />
            <source>按件收费</source>
            <translation>Per request</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="270" />
            <source>按量（页）收费</source>
            <translation>Per page</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="272" />
            <source>答复类型</source>
            <translation>Reply type</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="273" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="274" />
            <source>提供页数</source>
            <translation>Pages provided</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="275" />
            <source>信息处理费</source>
            <translation>Processing fee</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="276" />
            <source>答复日期</source>
            <translation>Reply date</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../ui/qtapp.py" line="122" />
            <source>公开专区工作台</source>
            <extracomment>Rare characters: the same bundled faces the PDFs fall back to, in the same order (printing/fonts.py, docs/printing.md): Gongkai Han Ext (most of CJK Extension A, the 《通用规范汉字表》 characters in the extensions such as 䶮 and 𬌗, 𠮷, Extensions G and H) and Gongkai Han Ext B (the rest of A, all of Extensions B–F). Qt maps the files, it does not read them. How long a background thread may keep Python's GIL while the GUI thread waits for it. Every call from Qt into Python (a model's ``data()`` and ``headerData()``, a slot) needs the GIL. At CPython's default of 5 ms, a table sizing its columns while a read-pool thread was turning five years of rows into values waited up to 5 ms for each of hundreds of calls: most of the window's blocking on the five-year site (bench/scale.py with GK_TRACE_BLOCKS=1 showed the GUI thread in pthread_cond_wait under QHeaderView::sectionSizeFromContents). At 0.5 ms the catalogue page still waited: hiding the page before it asks its header's size (a few hundred ``headerData`` calls) while the rows are read. Background work gets a little slower; the window answers at once.</extracomment>
            <translation>Disclosure Zone Desk</translation>
        </message>
    </context>
    <context>
        <name>AssessmentView</name>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="66" />
            <source>月份</source>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="76" />
            <source>导出 PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="78" />
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="80" />
            <source>考核指标…</source>
            <translation>Criteria…</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="81" />
            <source>查看（管理员可修改）各项指标的名称、分值、计算方法和目标</source>
            <translation>View the criteria: name, points, method and target (admins can edit them)</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="129" />
            <source>近 12 个月自评总分（虚线为 60 分）</source>
            <translation>Self-assessment score, last 12 months (dashed line: 60 points)</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="170" />
            <source>%1 自评：%2</source>
            <translation>%1 self-assessment: %2</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="172" />
            <source>满分按本月适用的指标折算为 100 分；“不适用”表示本月没有可计数的记录。</source>
            <translation>Scores are scaled to 100 over the criteria that apply this month; “N/A” means there were no records to count this month.</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="174" />
            <source>本月尚未结束，为截至今天的结果。</source>
            <translation>This month is not over yet; results are as of today.</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="203" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="203" />
            <source>Excel 工作簿 (*.xlsx)</source>
            <translation>Excel workbooks (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../ui/today/assessment_view.py" line="205" />
            <source>导出自评评分表</source>
            <translation>Export self-assessment score sheet</translation>
        </message>
        <message>
            <source>导出完成</source>
            <translation type="vanished">Export complete</translation>
        </message>
        <message>
            <source>已保存到：</source>
            <translation type="vanished">Saved to: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="251" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="252" />
            <source>分值</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="253" />
            <source>本月结果</source>
            <translation>This month</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="254" />
            <source>目标</source>
            <translation>Target</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="255" />
            <source>得分</source>
            <translation>Score</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="256" />
            <source>依据记录</source>
            <translation>Evidence</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="257" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="258" />
            <source>记录</source>
            <translation>Record</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="259" />
            <source>结论</source>
            <translation>Result</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="260" />
            <source>说明</source>
            <translation>Notes</translation>
        </message>
    </context>
    <context>
        <name>Badges</name>
        <message>
            <location filename="_extra_sources.py" line="29" />
            <source>需要您处理的事项总数：已逾期、今天到期和 3 个工作日内到期的，与“今日工作”列表相同</source>
            <translation>All things that need your action: overdue, due today and due within 3 working days — the same as the Today list</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="30" />
            <source>需要您处理的目录事项：到期或即将到期应公开的事项，以及待复核的本站点细化</source>
            <translation>Catalogue items that need your action: disclosures due or due soon, and site refinements to review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="31" />
            <source>需要您处理的活动：待提交总结报告、待公开意见采纳情况</source>
            <translation>Events that need your action: summary reports to submit, adoption of opinions to publish</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="32" />
            <source>需要您处理的公示：等您审核的、应张贴而未张贴的、公示期满应撤下的</source>
            <translation>Notices that need your action: waiting for your review, not yet posted on a target board, or due to be taken down</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="33" />
            <source>需要您处理的申请：答复已逾期、今天到期或即将到期的，以及补正、征求意见期限已到的</source>
            <translation>Requests that need your action: answers overdue, due today or due soon, and correction or consultation periods that have run out</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="34" />
            <source>需要处理的同步问题：同步冲突、被市级平台拒收的更改、超过 1 天未送达的更改</source>
            <translation>Sync problems to handle: conflicts, changes the city platform refused, changes not delivered for over a day</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="35" />
            <source>需要处理的设置：下一年的法定节假日安排尚未导入</source>
            <translation>Settings to handle: next year's public holiday schedule has not been imported</translation>
        </message>
    </context>
    <context>
        <name>BoardsDialog</name>
        <message>
            <location filename="../../ui/notices/admin.py" line="79" />
            <source>公开栏管理</source>
            <translation>Boards</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="84" />
            <source>停用的公开栏不再出现在张贴选择和“应张贴而未张贴”中，以往的张贴记录仍保留；需要时可重新启用。</source>
            <translation>Retired boards no longer appear when choosing where to post or under “Not yet posted”; their past postings are kept. A board can be reactivated when needed.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="98" />
            <location filename="../../ui/notices/admin.py" line="161" />
            <source>停用所选公开栏</source>
            <translation>Retire selected board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="103" />
            <source>登记新的公开栏</source>
            <translation>Register a new board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="106" />
            <source>如：东唐村村务公开栏</source>
            <translation>e.g. Dongtang village affairs board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="108" />
            <source>如：东唐村</source>
            <translation>e.g. Dongtang village</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="110" />
            <source>如：村委会大院东墙</source>
            <translation>e.g. east wall of the village committee yard</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="112" />
            <source>纸质公开栏</source>
            <translation>Paper board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="113" />
            <source>电子屏</source>
            <translation>Electronic screen</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="114" />
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="115" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="116" />
            <source>所在村（社区）</source>
            <translation>Village (community)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="117" />
            <source>具体位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="118" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="123" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="159" />
            <source>重新启用所选公开栏</source>
            <translation>Reactivate selected board</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="119" />
            <source>月</source>
            <extracomment>The service's action keys (EventService.actions) -&gt; this page's buttons.</extracomment>
            <translation>Month</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="119" />
            <source>周</source>
            <translation>Week</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="119" />
            <source>列表</source>
            <translation>List</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="126" />
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="136" />
            <location filename="../../ui/pages/calendar_page.py" line="557" />
            <location filename="_extra_sources.py" line="55" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="138" />
            <source>新建活动</source>
            <translation>New event</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="139" />
            <source>导入 .ics</source>
            <translation>Import .ics</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="140" />
            <source>导出 .ics</source>
            <translation>Export .ics</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="141" />
            <source>订阅文件…</source>
            <translation>Subscription file…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="142" />
            <source>类型同义词…</source>
            <translation>Type synonyms…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="143" />
            <source>导入日历文件时，各种分类写法对应哪种活动类型</source>
            <translation>Which event type each category spelling maps to when importing calendar files</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="145" />
            <source>只含专区公开活动（已遮蔽、不含报名信息）的 .ics，群众手机日历可导入或订阅</source>
            <translation>An .ics with the zone's public events only (masked, no registrations) that residents can import or subscribe to on their phones</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="191" />
            <source>活动详情</source>
            <translation>Event details</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="193" />
            <location filename="../../ui/pages/calendar_page.py" line="522" />
            <location filename="../../ui/pages/calendar_page.py" line="549" />
            <source>在日历中点选一项活动。</source>
            <translation>Select an event in the calendar.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="205" />
            <source>编辑活动</source>
            <translation>Edit event</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="206" />
            <source>报名与签到</source>
            <translation>Registration</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="207" />
            <source>登记已举办</source>
            <translation>Mark as held</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="208" />
            <source>总结报告与采纳情况</source>
            <translation>Closing report</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="209" />
            <source>公开采纳情况</source>
            <translation>Publish adoption</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="210" />
            <source>调整本次时间</source>
            <translation>Reschedule this one</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="211" />
            <source>取消本次（重复活动）</source>
            <translation>Cancel this occurrence</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="212" />
            <source>取消整个活动</source>
            <translation>Cancel whole event</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="213" />
            <source>打印海报</source>
            <translation>Print poster</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="214" />
            <source>打印签到表</source>
            <translation>Print sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="215" />
            <source>打印采纳情况</source>
            <translation>Print adoption</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="223" />
            <source>%1 年度目标完成情况</source>
            <translation>%1 targets: progress</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="227" />
            <source>设置年度目标…</source>
            <translation>Set yearly targets…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="277" />
            <source>全部类型</source>
            <translation>All types</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="299" />
            <source>已逾期</source>
            <translation>overdue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="299" />
            <source>待公开</source>
            <translation>due</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="300" />
            <source>（暂定：该年无官方假期数据）</source>
            <translation> (provisional: no official holiday data for that year)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="339" />
            <source>%1年%2月</source>
            <translation>%2/%1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="345" />
            <source>%1月%2日—%3日</source>
            <translation>%1/%2–%3</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="348" />
            <source>%1月%2日—%3月%4日</source>
            <translation>%1/%2–%3/%4</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="360" />
            <source>%1年%2月—%3月</source>
            <translation>%2–%3/%1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="375" />
            <source>待提交总结报告：</source>
            <translation>Closing reports due: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="380" />
            <source>采纳情况%1：</source>
            <translation>Adoption %1: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="383" />
            <source>，应于 %1 前公开</source>
            <translation>, publish by %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="384" />
            <source>%1年%2月%3日</source>
            <translation>%1-%2-%3</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="391" />
            <source>地点冲突：%1 %2 “%3”与“%4”</source>
            <translation>Venue clash: %1 %2 "%3" and "%4"</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="559" />
            <source>本次时间</source>
            <translation>This occurrence</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="560" />
            <source>（已改期）</source>
            <translation> (rescheduled)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="562" />
            <location filename="_extra_sources.py" line="57" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="563" />
            <source>重复</source>
            <translation>Repeat</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="564" />
            <source>主办</source>
            <translation>Host</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="565" />
            <source>主讲</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="566" />
            <source>对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="567" />
            <source>邀请</source>
            <translation>Invited</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="568" />
            <source>相关政策</source>
            <translation>Related policies</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="569" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="570" />
            <source>取消原因</source>
            <translation>Cancellation reason</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="573" />
            <source>不限</source>
            <translation>No limit</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="576" />
            <source>报名</source>
            <translation>Registration</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="577" />
            <source>名额 %1，已报名 %2，候补 %3</source>
            <translation>Places %1, registered %2, waiting %3</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="581" />
            <source>参加人数</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="585" />
            <source>已于 %1 公开</source>
            <translation>Published on %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="587" />
            <source>应于 %1 前公开</source>
            <translation>Publish by %1</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="588" />
            <source>（暂定）</source>
            <translation> (provisional)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="590" />
            <location filename="../../ui/pages/calendar_page.py" line="643" />
            <source>采纳情况</source>
            <translation>Adoption</translation>
        </message>
        <message>
            <source>确认已公开该活动的意见建议采纳情况？公开后报告不能再修改。</source>
            <translation type="vanished">Confirm that the adoption of suggestions for this event has been published? The report cannot be changed afterwards.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="643" />
            <source>活动海报</source>
            <translation>Event poster</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="643" />
            <source>签到表</source>
            <translation>Sign-in sheet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="644" />
            <source>A3 海报 (*.pdf)</source>
            <translation>A3 poster (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="645" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="645" />
            <source>A4 海报 (*.pdf)</source>
            <translation>A4 poster (*.pdf)</translation>
        </message>
        <message>
            <source>已保存：</source>
            <translation type="vanished">Saved: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="698" />
            <source>导入活动日历</source>
            <translation>Import calendar</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="698" />
            <location filename="../../ui/pages/calendar_page.py" line="719" />
            <location filename="../../ui/pages/calendar_page.py" line="755" />
            <source>iCalendar 文件 (*.ics)</source>
            <translation>iCalendar files (*.ics)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="712" />
            <source>请注意：</source>
            <translation>Please note:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="713" />
            <source>导入完成</source>
            <translation>Import complete</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="706" />
            <source>新增 %1，更新 %2，未变 %3</source>
            <translation>Added %1, updated %2, unchanged %3</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="719" />
            <source>导出订阅文件</source>
            <translation>Export subscription file</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="728" />
            <source>已导出 %1 个公开活动（已遮蔽，不含报名信息）</source>
            <translation>Exported %1 public events (masked, no registrations)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="745" />
            <source>活动类型同义词</source>
            <translation>Event type synonyms</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="746" />
            <source>已保存，共 %1 种写法</source>
            <translation>Saved: %1 spellings</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="755" />
            <source>导出活动日历</source>
            <translation>Export calendar</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="728" />
            <location filename="../../ui/pages/calendar_page.py" line="763" />
            <source>导出完成</source>
            <translation>Export complete</translation>
        </message>
        <message>
            <location filename="../../ui/pages/calendar_page.py" line="763" />
            <source>已导出 %1 个活动</source>
            <translation>Exported %1 events</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="52" />
            <source>（已取消）</source>
            <translation> (cancelled)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="53" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="54" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="56" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
    </context>
    <context>
        <name>CancelEventDialog</name>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="113" />
            <source>取消整个活动</source>
            <translation>Cancel whole event</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="115" />
            <source>确认取消“%1”？</source>
            <translation>Cancel “%1”?</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="117" />
            <source>这是重复活动，以后各次都将取消。</source>
            <translation> This is a recurring event; all later occurrences will be cancelled.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="120" />
            <source>已有 %1 人报名、%2 人候补，请逐一电话告知。</source>
            <translation> %1 registered and %2 on the waiting list: please phone each of them.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="125" />
            <source>取消原因（群众来问时据此答复）：</source>
            <translation>Reason (given to anyone who asks):</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="127" />
            <source>如：会议室改造施工，活动另行通知</source>
            <translation>e.g. meeting room under renovation; new date to be announced</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="130" />
            <source>确认取消活动</source>
            <translation>Cancel event</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="130" />
            <source>不取消</source>
            <translation>Keep event</translation>
        </message>
    </context>
    <context>
        <name>CatalogueAdmin</name>
        <message>
            <location filename="_extra_sources.py" line="9" />
            <source>简称或俗称</source>
            <translation>Abbreviation or common name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="10" />
            <source>全称（目录中的写法）</source>
            <translation>Full name (as in the catalogue)</translation>
        </message>
    </context>
    <context>
        <name>CatalogueLinksField</name>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="207" />
            <location filename="../../ui/catalogue/picker.py" line="253" />
            <source>选择事项…</source>
            <translation>Choose items…</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="237" />
            <source>正在加载…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="240" />
            <source>目录中找不到的事项（%1）</source>
            <translation>Item not in the catalogue (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="242" />
            <source>（已停用）</source>
            <translation> (retired)</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="252" />
            <source>未关联目录事项</source>
            <translation>No catalogue items linked</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="253" />
            <source>更改…</source>
            <translation>Change…</translation>
        </message>
    </context>
    <context>
        <name>CataloguePage</name>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="90" />
            <source>搜索事项：汉字、拼音或首字母（如 低保、zdshbz）</source>
            <translation>Search items: Chinese, pinyin or initials (e.g. 低保, zdshbz)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="93" />
            <location filename="_extra_sources.py" line="295" />
            <source>公开对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="94" />
            <location filename="_extra_sources.py" line="297" />
            <source>公开方式</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="95" />
            <location filename="_extra_sources.py" line="298" />
            <source>公开层级</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="96" />
            <source>公开渠道</source>
            <translation>Channels</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="99" />
            <source>只看逾期/临期</source>
            <translation>Overdue/due only</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="104" />
            <source>导入目录…</source>
            <translation>Import…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="105" />
            <source>导出目录…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="106" />
            <source>打印目录（PDF）…</source>
            <translation>Print (PDF)…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="107" />
            <source>增补事项…</source>
            <translation>Add item…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="108" />
            <source>修改事项…</source>
            <translation>Edit item…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="109" />
            <location filename="../../ui/pages/catalogue_page.py" line="641" />
            <source>停用事项</source>
            <translation>Retire item</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="110" />
            <source>本站点细化…</source>
            <translation>Site refinement…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="111" />
            <source>保留细化</source>
            <translation>Keep refinement</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="112" />
            <source>标准已更新：本站点细化仍然适用，保留原写法</source>
            <translation>The standard changed: the site refinement still applies, keep its wording</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="113" />
            <source>登记公开…</source>
            <translation>Record disclosure…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="114" />
            <location filename="../../ui/pages/catalogue_page.py" line="401" />
            <source>领域适用情况…</source>
            <translation>Domain applicability…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="115" />
            <source>同义词表…</source>
            <translation>Synonyms…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="157" />
            <location filename="_extra_sources.py" line="12" />
            <source>领域</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="199" />
            <source>：全部</source>
            <translation>: all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="282" />
            <source>全部领域（%1 项）</source>
            <translation>All domains (%1 items)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="290" />
            <source> · 未涉及</source>
            <translation> · n/a</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="342" />
            <source>显示 %1 / %2 项</source>
            <translation>Showing %1 of %2 items</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="450" />
            <source>（只读）</source>
            <translation> (read-only)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="458" />
            <source>收起标准原文</source>
            <translation>Hide standard text</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="458" />
            <source>查看标准原文</source>
            <translation>Show standard text</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="502" />
            <source>新增</source>
            <translation>Added</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="502" />
            <source>修改</source>
            <translation>Changed</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="502" />
            <source>停用</source>
            <translation>Retired</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="522" />
            <source>导入目录</source>
            <translation>Import catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="522" />
            <source>目录表格 (*.xlsx *.xlsm *.xls *.et *.ods *.csv)</source>
            <translation>Catalogue spreadsheets (*.xlsx *.xlsm *.xls *.et *.ods *.csv)</translation>
        </message>
        <message>
            <source>目录表格 (*.xlsx *.csv)</source>
            <translation type="vanished">Catalogue sheets (*.xlsx *.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="565" />
            <source>导入完成</source>
            <translation>Import complete</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="566" />
            <source>已生成目录第 %1 版。</source>
            <translation>Created catalogue version %1.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="568" />
            <source>没有变化。</source>
            <translation>No changes.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="573" />
            <source>导出目录</source>
            <translation>Export catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="573" />
            <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
            <translation>Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="579" />
            <source>导出完成</source>
            <translation>Export complete</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="579" />
            <source>已导出 %1 个事项。</source>
            <translation>Exported %1 items.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="585" />
            <location filename="../../ui/pages/catalogue_page.py" line="599" />
            <source>打印目录</source>
            <translation>Print catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="585" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="599" />
            <source>已生成 PDF：</source>
            <translation>PDF created: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/catalogue_page.py" line="642" />
            <source>停用“%1”？停用后不再显示，历史记录保留。</source>
            <translation>Retire "%1"? It will no longer be shown; its history is kept.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="11" />
            <source>变化</source>
            <translation>Change</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="13" />
            <source>事项</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="14" />
            <source>改动</source>
            <translation>Changes</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="59" />
            <source>时限规则</source>
            <translation>Time-limit rule</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="60" />
            <source>公开记录</source>
            <translation>Disclosures</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="61" />
            <source>变更历史</source>
            <translation>History</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="62" />
            <source>第 %1 版</source>
            <translation>Version %1</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="66" />
            <source>选择一个事项查看全部内容和变更历史。</source>
            <translation>Select an item to see all its fields and history.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="65" />
            <source>尚无公开记录</source>
            <translation>No disclosures yet</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="58" />
            <source>本站点未涉及此领域</source>
            <translation>This domain does not apply here</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="63" />
            <source>标准已更新，请复核本站点细化</source>
            <translation>The standard changed: please review the site refinement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="64" />
            <source>〔本站点细化〕</source>
            <translation>[site refinement]</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="68" />
            <source>标准原文</source>
            <translation>Standard text</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="69" />
            <source>复核</source>
            <translation>Review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="70" />
            <source>本站点细化</source>
            <translation>Site refinement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="71" />
            <source>（暂定）</source>
            <translation> (provisional)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="72" />
            <source>临期</source>
            <translation>Due</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="73" />
            <source>逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="74" />
            <source> · 细化待复核</source>
            <translation> · refinement to review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="75" />
            <source> · 本站点细化</source>
            <translation> · site refinement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="76" />
            <source>一级事项</source>
            <translation>Level-1 item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="77" />
            <source>二级事项</source>
            <translation>Level-2 item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="78" />
            <source>公开时限</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="79" />
            <source>层级</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="289" />
            <source>三级事项</source>
            <translation>Level-3 item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="290" />
            <source>公开内容（要素）</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="291" />
            <source>公开依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="292" />
            <source>公开主体</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="293" />
            <source>公开渠道和载体</source>
            <translation>Channels</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="294" />
            <source>其他渠道</source>
            <translation>Other channels</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="296" />
            <source>特定群体说明</source>
            <translation>Specific group</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="299" />
            <source>咨询电话</source>
            <translation>Enquiry phone</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="300" />
            <source>公开时长</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="67" />
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="80" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>CataloguePicker</name>
        <message>
            <location filename="_extra_sources.py" line="15" />
            <source>领域</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="16" />
            <source>事项</source>
            <translation>Item</translation>
        </message>
    </context>
    <context>
        <name>CataloguePickerDialog</name>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="68" />
            <source>选择目录事项</source>
            <translation>Choose catalogue items</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="72" />
            <source>输入事项名称、拼音或首字母查找，如 低保、zdshbz</source>
            <translation>Search by item name, pinyin or initials, e.g. 低保, zdshbz</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="87" />
            <source>添加所选 ↓</source>
            <translation>Add selected ↓</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="88" />
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="106" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="107" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="153" />
            <source>没有找到，换个说法试试（如简称、拼音首字母）</source>
            <translation>Nothing found; try other words (an abbreviation or pinyin initials)</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="155" />
            <source>找到 %1 项，双击或点“添加所选”</source>
            <translation>%1 found; double-click or press “Add selected”</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="157" />
            <source>共 %1 项，输入文字可以查找</source>
            <translation>%1 items; type to search</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/picker.py" line="162" />
            <source>已选 %1 项：</source>
            <translation>%1 selected:</translation>
        </message>
    </context>
    <context>
        <name>Changes</name>
        <message>
            <location filename="_extra_sources.py" line="363" />
            <source>公示已保存为草稿</source>
            <translation>Notice saved as a draft</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="364" />
            <source>公示已保存</source>
            <translation>Notice saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="365" />
            <source>已形成新版本，须重新审核</source>
            <translation>A new revision was made; it must be reviewed again</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="366" />
            <source>已提交初审</source>
            <translation>Submitted for first review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="367" />
            <source>初审通过，已送复审</source>
            <translation>First review passed; sent to second review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="368" />
            <source>复审通过，已送终审</source>
            <translation>Second review passed; sent to final review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="369" />
            <source>终审通过，公示已审定，可以打印张贴</source>
            <translation>Final review passed; the notice is approved and can be printed and posted</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="370" />
            <source>已退回修改</source>
            <translation>Returned for revision</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="371" />
            <source>公示已发布</source>
            <translation>Notice published</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="372" />
            <source>公示已撤回</source>
            <translation>Notice withdrawn</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="373" />
            <source>已登记张贴</source>
            <translation>Posting recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="374" />
            <source>已登记撤下</source>
            <translation>Take-down recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="375" />
            <source>已记录打印</source>
            <translation>Printing recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="376" />
            <source>法定公示期已更新</source>
            <translation>Statutory posting period updated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="377" />
            <source>公开栏已登记</source>
            <translation>Board registered</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="378" />
            <source>公开栏已停用</source>
            <translation>Board deactivated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="379" />
            <source>公开栏已重新启用</source>
            <translation>Board reactivated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="380" />
            <source>申请已接收，请打印回执</source>
            <translation>Request received; please print the receipt</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="381" />
            <source>已登记申请</source>
            <translation>Request registered</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="382" />
            <source>已转入办理</source>
            <translation>Moved to processing</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="383" />
            <source>已提交审签</source>
            <translation>Submitted for sign-off</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="384" />
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="385" />
            <source>已发出补正通知，答复期限暂停计算</source>
            <translation>Correction notice sent; the answer clock is paused</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="386" />
            <source>已登记补正材料，答复期限重新计算</source>
            <translation>Correction received; the answer clock restarts</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="387" />
            <source>已征求第三方意见，计时暂停</source>
            <translation>Third party consulted; the clock is paused</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="388" />
            <source>已登记第三方意见，计时恢复</source>
            <translation>Third-party opinion recorded; the clock resumes</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="389" />
            <source>已批准延期答复</source>
            <translation>Extension approved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="390" />
            <source>已签发答复</source>
            <translation>Answer issued</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="391" />
            <source>法定期限规则已更新</source>
            <translation>Statutory deadline rules updated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="392" />
            <source>活动已安排</source>
            <translation>Event planned</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="393" />
            <source>活动已修改</source>
            <translation>Event changed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="394" />
            <source>活动已取消</source>
            <translation>Event cancelled</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="395" />
            <source>该次活动已取消</source>
            <translation>Occurrence cancelled</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="396" />
            <source>该次活动已改期</source>
            <translation>Occurrence moved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="397" />
            <source>已登记报名</source>
            <translation>Registration recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="398" />
            <source>已取消报名</source>
            <translation>Registration cancelled</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="399" />
            <source>已签到</source>
            <translation>Checked in</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="400" />
            <source>已登记为已举办</source>
            <translation>Marked as held</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="401" />
            <source>活动总结已保存</source>
            <translation>Closing report saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="402" />
            <source>意见采纳情况已公开</source>
            <translation>Adoption of suggestions published</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="403" />
            <source>年度目标已保存</source>
            <translation>Yearly targets saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="404" />
            <source>日历文件已导入</source>
            <translation>Calendar file imported</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="405" />
            <source>活动类型已添加</source>
            <translation>Event type added</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="406" />
            <source>目录已导入</source>
            <translation>Catalogue imported</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="407" />
            <source>事项已增补</source>
            <translation>Item added</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="408" />
            <source>事项已修改</source>
            <translation>Item changed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="409" />
            <source>事项已停用</source>
            <translation>Item retired</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="410" />
            <source>已登记公开</source>
            <translation>Disclosure recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="411" />
            <source>同义词表已保存</source>
            <translation>Synonyms saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="412" />
            <source>领域适用情况已保存</source>
            <translation>Domain applicability saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="413" />
            <source>设置已保存</source>
            <translation>Settings saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="414" />
            <source>节假日安排已导入</source>
            <translation>Holiday schedule imported</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="415" />
            <source>用户已添加</source>
            <translation>User added</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="416" />
            <source>密码已重设</source>
            <translation>Password reset</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="417" />
            <source>账号已停用</source>
            <translation>Account deactivated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="418" />
            <source>账号已重新启用</source>
            <translation>Account reactivated</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="419" />
            <source>站点信息已保存</source>
            <translation>Site details saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="420" />
            <source>考核指标已保存</source>
            <translation>Criterion saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="421" />
            <source>同步设置已保存</source>
            <translation>Sync settings saved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="422" />
            <source>本机已登记到市级平台</source>
            <translation>This PC is registered with the city platform</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="423" />
            <source>邀请码已生成</source>
            <translation>Invitation code created</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="424" />
            <source>电脑已撤销</source>
            <translation>PC revoked</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="425" />
            <source>冲突已处理</source>
            <translation>Conflict resolved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="426" />
            <source>触摸屏退出密码已设置</source>
            <translation>Touch-screen exit PIN set</translation>
        </message>
    </context>
    <context>
        <name>ClosingDialog</name>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="178" />
            <source>活动总结报告：</source>
            <translation>Closing report: </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="186" />
            <source>按政策出台日期起算</source>
            <translation>Count from policy issue date</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="196" />
            <source> 个工作日内公开采纳情况</source>
            <translation> working days to publish adoption</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="200" />
            <source>参加人数</source>
            <translation>Attendance</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="201" />
            <source>活动概况</source>
            <translation>Summary</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="202" />
            <source>起算日</source>
            <translation>Start date</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="203" />
            <source>公开时限</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="206" />
            <source>现场问答</source>
            <translation>Q&amp;&amp;A</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="209" />
            <source>添加一问</source>
            <translation>Add question</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="214" />
            <source>意见建议及采纳情况（部分采纳、未采纳须说明理由）</source>
            <translation>Suggestions and adoption (give reasons if partly or not adopted)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="217" />
            <source>添加一条建议</source>
            <translation>Add suggestion</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="229" />
            <source>提交报告</source>
            <translation>Submit report</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="230" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="239" />
            <source>问</source>
            <translation>Question</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="240" />
            <source>答</source>
            <translation>Answer</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="248" />
            <source>建议内容</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="249" />
            <source>理由或说明</source>
            <translation>Reason or note</translation>
        </message>
    </context>
    <context>
        <name>ConsultationDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="197" />
            <source>书面征求第三方意见</source>
            <translation>Consult third party in writing</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="199" />
            <source>条例第三十二条：第三方应在15个工作日内提出意见；征求意见期间不计入答复期限（第三十三条）。</source>
            <translation>Art. 32: the third party replies within 15 working days; the consultation period does not count toward the reply deadline (art. 33).</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="206" />
            <source>征求意见对象</source>
            <translation>Third party</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="207" />
            <source>原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="208" />
            <source>发出日期</source>
            <translation>Sent on</translation>
        </message>
    </context>
    <context>
        <name>CorrectionDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="163" />
            <source>补正通知</source>
            <translation>Correction request</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="164" />
            <source>条例第三十条：自收到申请之日起7个工作日内一次性告知需要补正的全部事项。每行写一项。</source>
            <translation>Art. 30: within 7 working days of receipt, state everything to be corrected, all at once. One item per line.</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="170" />
            <source>补正事项</source>
            <translation>Items to correct</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="171" />
            <source>通知日期</source>
            <translation>Notice date</translation>
        </message>
    </context>
    <context>
        <name>Crash</name>
        <message>
            <location filename="_extra_sources.py" line="17" />
            <source>无法完成</source>
            <translation>Could not complete</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../ui/crash.py" line="43" />
            <source>程序出错</source>
            <translation>Program error</translation>
        </message>
        <message>
            <location filename="../../ui/crash.py" line="46" />
            <source>程序遇到意外错误。您的数据已保存到上一次操作。请复制下面的信息发给技术支持。</source>
            <translation>The program hit an unexpected error. Your data is saved up to the last action. Please copy the details below and send them to technical support.</translation>
        </message>
        <message>
            <location filename="../../ui/crash.py" line="48" />
            <source>日志文件：</source>
            <translation>Log file: </translation>
        </message>
        <message>
            <location filename="../../ui/crash.py" line="57" />
            <source>复制错误信息</source>
            <translation>Copy details</translation>
        </message>
    </context>
    <context>
        <name>CriteriaDialog</name>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="49" />
            <source>考核指标</source>
            <translation>Assessment criteria</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="77" />
            <source>比率类：0–1（0.95 即 95%）；次数类：允许的最多次数</source>
            <translation>Rates: 0–1 (0.95 = 95%); counts: the most allowed</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="80" />
            <source>参与评分</source>
            <translation>Scored</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="81" />
            <source>代码</source>
            <translation>Code</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="82" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="83" />
            <location filename="_extra_sources.py" line="262" />
            <source>分值</source>
            <translation>Points</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="84" />
            <location filename="_extra_sources.py" line="263" />
            <source>计算方法</source>
            <translation>Method</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="85" />
            <location filename="_extra_sources.py" line="264" />
            <source>目标</source>
            <translation>Target</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="86" />
            <source>规则说明</source>
            <translation>Rule</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="91" />
            <source>新增指标</source>
            <translation>New criterion</translation>
        </message>
        <message>
            <location filename="../../ui/today/criteria_dialog.py" line="93" />
            <source>保存此指标</source>
            <translation>Save criterion</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="261" />
            <source>指标</source>
            <translation>Criterion</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="265" />
            <source>启用</source>
            <translation>Active</translation>
        </message>
    </context>
    <context>
        <name>DateDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="185" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
    </context>
    <context>
        <name>Dates</name>
        <message>
            <location filename="../../ui/i18n.py" line="21" />
            <source>M月d日（ddd）</source>
            <translation>ddd d MMM</translation>
        </message>
        <message>
            <location filename="../../ui/i18n.py" line="27" />
            <source>yyyy年M月d日（ddd）</source>
            <translation>dddd d MMMM yyyy</translation>
        </message>
    </context>
    <context>
        <name>DayGrid</name>
        <message numerus="yes">
            <source>还有 %n 项…</source>
            <translation type="vanished">
                <numerusform>%n more…</numerusform>
                <numerusform>%n more…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="34" />
            <source>周一</source>
            <translation>Mon</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="35" />
            <source>周二</source>
            <translation>Tue</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="36" />
            <source>周三</source>
            <translation>Wed</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="37" />
            <source>周四</source>
            <translation>Thu</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="38" />
            <source>周五</source>
            <translation>Fri</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="39" />
            <source>周六</source>
            <translation>Sat</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="40" />
            <source>周日</source>
            <translation>Sun</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="204" />
            <source>%1月%2日</source>
            <extracomment>Chinese line-breaking (kinsoku): these never begin a line (the character before moves down) ... ... and these never end one (they move down with what they open).</extracomment>
            <translation>%1/%2</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="209" />
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="244" />
            <source>全天</source>
            <translation>All day</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="247" />
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="249" />
            <source>改期</source>
            <translation>Moved</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/grid.py" line="310" />
            <source>+%n 项</source>
            <translation>
                <numerusform>+%n more</numerusform>
                <numerusform>+%n more</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="352" />
            <source>（本次已改期）</source>
            <translation> (rescheduled)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/grid.py" line="354" />
            <source>（已取消）</source>
            <translation> (cancelled)</translation>
        </message>
    </context>
    <context>
        <name>DetailPage</name>
        <message>
            <location filename="../../ui/kiosk/detail.py" line="34" />
            <source>手机扫码
带走这一页</source>
            <translation>Scan with your phone
to take this page</translation>
        </message>
    </context>
    <context>
        <name>DevicesBox</name>
        <message>
            <location filename="../../ui/sync/devices.py" line="104" />
            <source>本站点的电脑（同步设备）</source>
            <translation>This site's PCs (sync devices)</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="122" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="123" />
            <source>邀请电脑…</source>
            <translation>Invite a PC…</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="124" />
            <source>展示电脑（大厅查询机，只接收公开内容）</source>
            <translation>Display PC (hall kiosk; receives public content only)</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="125" />
            <source>撤销…</source>
            <translation>Revoke…</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="149" />
            <source>正在向市级平台查询…</source>
            <translation>Asking the city platform…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/sync/devices.py" line="154" />
            <source>共 %n 台电脑。</source>
            <translation>
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="160" />
            <source>本机尚未连接市级平台：在“同步”页设置平台地址和令牌并同步一次后，这里列出本站点的电脑。</source>
            <translation>This PC is not connected to the city platform yet: set the platform address and token on the Sync page and sync once; this site's PCs are then listed here.</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="187" />
            <source>撤销电脑</source>
            <translation>Revoke PC</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="188" />
            <source>撤销后，“%1”不能再与市级平台同步（其他电脑不受影响），且不能恢复。要撤销吗？</source>
            <translation>Once revoked, “%1” can no longer sync with the city platform (other PCs are not affected), and this cannot be undone. Revoke it?</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="232" />
            <source>展示电脑（大厅查询机）</source>
            <translation>Display PC (hall kiosk)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="233" />
            <source>工作电脑</source>
            <translation>Staff PC</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="234" />
            <source>从未</source>
            <translation>Never</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="235" />
            <source>有效</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="236" />
            <source>（本机）</source>
            <translation> (this PC)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="237" />
            <source>已撤销</source>
            <translation>Revoked</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="238" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="239" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="240" />
            <source>最近同步</source>
            <translation>Last sync</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="241" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="242" />
            <source>设备编号</source>
            <translation>Device ID</translation>
        </message>
    </context>
    <context>
        <name>Discard</name>
        <message>
            <location filename="../../ui/discard.py" line="72" />
            <source>放弃修改？</source>
            <translation>Discard changes?</translation>
        </message>
        <message>
            <location filename="../../ui/discard.py" line="73" />
            <source>填写的内容还没有保存。关闭后这些修改会丢失。</source>
            <translation>What you typed has not been saved. Closing now loses these changes.</translation>
        </message>
        <message>
            <location filename="../../ui/discard.py" line="75" />
            <source>放弃修改</source>
            <translation>Discard changes</translation>
        </message>
        <message>
            <location filename="../../ui/discard.py" line="77" />
            <source>继续编辑</source>
            <translation>Keep editing</translation>
        </message>
    </context>
    <context>
        <name>DisclosureDialog</name>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="323" />
            <source>登记公开</source>
            <translation>Record disclosure</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="327" />
            <source>事项</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="336" />
            <source>公开日期</source>
            <translation>Disclosed on</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="337" />
            <source>公开渠道</source>
            <translation>Channel</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="119" />
            <source>登记政策文件</source>
            <translation>Register policy document</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="124" />
            <source>如 历城政办发〔2024〕12号（留空则从正文首部读取）</source>
            <translation>e.g. 历城政办发〔2024〕12号 (left empty: read from the top of the text)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="129" />
            <source>（不分类）</source>
            <translation>(no category)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="133" />
            <source>多个用顿号分隔</source>
            <translation>Separate several with 、</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="136" />
            <source>选择原件…</source>
            <translation>Choose original…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="142" />
            <source>没有原件时在此录入全文</source>
            <translation>Type the full text here when there is no original</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="144" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="145" />
            <source>发文字号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="146" />
            <source>发文机关</source>
            <translation>Issuing authority</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="147" />
            <source>发布日期</source>
            <translation>Publication date</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="148" />
            <source>主题分类</source>
            <translation>Subject category</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="149" />
            <source>关键词</source>
            <translation>Keywords</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="152" />
            <source>原件</source>
            <translation>Original</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="153" />
            <source>全文</source>
            <translation>Full text</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="163" />
            <source>选择原件</source>
            <translation>Choose original</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="163" />
            <source>正文文件 (*.docx *.pdf *.txt)</source>
            <translation>Documents (*.docx *.pdf *.txt)</translation>
        </message>
    </context>
    <context>
        <name>DomainDialog</name>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="200" />
            <source>领域适用情况</source>
            <translation>Domain applicability</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="205" />
            <source>领域</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="209" />
            <source>牵头部门</source>
            <translation>Lead department</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="210" />
            <source>适用：本站点涉及这个领域</source>
            <translation>Applies: this domain concerns this office</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="211" />
            <source>不适用：本站点未涉及这个领域</source>
            <translation>Does not apply: this domain does not concern this office</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="216" />
            <source>适用情况</source>
            <translation>Applicability</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="218" />
            <source>写明不涉及的原因，如：本街道无农村集体土地，不涉及征地补偿</source>
            <translation>Say why it does not apply, e.g. no collective rural land in this street office, so no expropriation compensation</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="220" />
            <source>不适用原因</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="221" />
            <source>标为不适用后，这个领域的事项仍然保留，但不再提醒逾期。</source>
            <translation>Items of a domain marked as not applicable are kept, but no longer flagged as overdue.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="228" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="229" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>DomainsPage</name>
        <message>
            <location filename="../../ui/kiosk/browse.py" line="32" />
            <source>公开目录暂未载入。请向窗口工作人员咨询。</source>
            <translation>The catalogue is not loaded yet. Please ask at the counter.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/browse.py" line="36" />
            <source>%1 项</source>
            <translation>%1 items</translation>
        </message>
    </context>
    <context>
        <name>EventDetailPage</name>
        <message>
            <location filename="../../ui/kiosk/events.py" line="97" />
            <source>这场活动已结束或已取消。请按“返回首页”。</source>
            <translation>This event has ended or was cancelled. Press "Home".</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="91" />
            <source>编辑活动</source>
            <translation>Edit event</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="91" />
            <source>新建活动</source>
            <translation>New event</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="98" />
            <source>如：《老旧小区改造补贴办法》现场政策解读</source>
            <translation>e.g. Policy interpretation: old-district renovation subsidies</translation>
        </message>
        <message>
            <source>不重复</source>
            <translation type="vanished">Does not repeat</translation>
        </message>
        <message>
            <source>每周同一天</source>
            <translation type="vanished">Weekly, same day</translation>
        </message>
        <message>
            <source>每月第 n 个星期几</source>
            <translation type="vanished">Monthly, nth weekday</translation>
        </message>
        <message>
            <source>自定义规则（RFC 5545）</source>
            <translation type="vanished">Custom rule (RFC 5545)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="108" />
            <source>多人用顿号分隔</source>
            <translation>Separate several names with "、"</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="112" />
            <source>不限</source>
            <translation>No limit</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="122" />
            <source>如：泉诚公开、政府开放</source>
            <translation>e.g. Quancheng Open, Open Government</translation>
        </message>
        <message>
            <source>相关政策文件名称，多个用顿号分隔</source>
            <translation type="vanished">Policy document titles, separated by "、"</translation>
        </message>
        <message>
            <source>关联的目录事项 UUID，多个用逗号分隔</source>
            <translation type="vanished">Linked catalogue item UUIDs, comma-separated</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="127" />
            <source> 个工作日</source>
            <translation> working days</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="131" />
            <source>活动类型</source>
            <translation>Event type</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="132" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="135" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="137" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="138" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <source>截止</source>
            <translation type="vanished">Until</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="143" />
            <source>重复</source>
            <translation>Repeat</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="144" />
            <source>主办</source>
            <translation>Host</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="145" />
            <source>主讲</source>
            <translation>Speaker</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="146" />
            <source>参加对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="147" />
            <source>名额</source>
            <translation>Places</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="148" />
            <source>邀请</source>
            <translation>Invited</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="149" />
            <source>活动品牌</source>
            <translation>Brand</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="150" />
            <source>相关政策</source>
            <translation>Related policies</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="151" />
            <source>目录事项</source>
            <translation>Catalogue items</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="152" />
            <source>采纳情况公开时限</source>
            <translation>Adoption time limit</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="153" />
            <source>活动内容</source>
            <translation>Description</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="159" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="161" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/event_dialog.py" line="276" />
            <source>注意：该地点同一时间已有活动“%1”（%2）</source>
            <translation>Note: the venue already has "%1" at this time (%2)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/calendar/event_dialog.py" line="280" />
            <source>等 %n 项</source>
            <translation>
                <numerusform>and %n more</numerusform>
                <numerusform>and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EventsPage</name>
        <message>
            <location filename="../../ui/kiosk/events.py" line="76" />
            <source>近期没有安排活动。</source>
            <translation>No upcoming events.</translation>
        </message>
    </context>
    <context>
        <name>ExtensionDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="219" />
            <source>延期答复</source>
            <translation>Extension</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="220" />
            <source>条例第三十三条第二款：经政府信息公开工作机构负责人同意，可延期一次，最长不超过</source>
            <translation>Art. 33(2): with the approval of the head of the disclosure office, the deadline may be extended once, by at most</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="222" />
            <source>个工作日，并告知申请人。</source>
            <translation>working days; the applicant must be told.</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="229" />
            <source>延长工作日</source>
            <translation>Extra working days</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="230" />
            <source>延期理由</source>
            <translation>Reason</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="235" />
            <source>批准人（终审或管理员）</source>
            <translation>Approver (final reviewer or admin)</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="236" />
            <source>批准人密码</source>
            <translation>Approver password</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="27" />
            <source>首次使用 — 设置站点</source>
            <translation>First run — set up site</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="29" />
            <source>这是本机第一次运行公开专区工作台。请填写本乡镇（街道）的信息。</source>
            <translation>This is the first time Gongkai runs on this computer. Please enter your township (street office) details.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="38" />
            <source>站点代码</source>
            <translation>Site code</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="39" />
            <source>站点名称</source>
            <translation>Site name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="40" />
            <source>所属区县</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="41" />
            <source>专区位置</source>
            <translation>Zone location</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="42" />
            <source>监督电话</source>
            <translation>Complaints phone</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="44" />
            <source>写入演示数据（演示用户密码：%1）</source>
            <translation>Load demo data (demo user password: %1)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="47" />
            <source>本站管理员（负责新增其他工作人员）</source>
            <translation>Site administrator (adds the other staff)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="55" />
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="56" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="57" />
            <source>密码（至少 6 位）</source>
            <translation>Password (at least 6 characters)</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="58" />
            <source>再次输入密码</source>
            <translation>Repeat the password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="68" />
            <source>创建</source>
            <translation>Create</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="69" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="80" />
            <source>演示数据已含管理员 admin</source>
            <translation>The demo data already has the administrator admin</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="93" />
            <source>请填写管理员的用户名。</source>
            <translation>Please enter the administrator's user name.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="96" />
            <source>管理员密码至少 6 位。</source>
            <translation>The administrator's password needs at least 6 characters.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/first_run.py" line="99" />
            <source>两次输入的密码不一致。</source>
            <translation>The two passwords differ.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="28" />
            <source>无法创建站点</source>
            <translation>Could not create site</translation>
        </message>
    </context>
    <context>
        <name>HomePage</name>
        <message>
            <location filename="../../ui/kiosk/home.py" line="62" />
            <source>◀ 上一条</source>
            <translation>◀ Previous</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="64" />
            <source>查看详情 ▶</source>
            <translation>Details ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="66" />
            <source>下一条 ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="79" />
            <source>手机扫码 查看全文</source>
            <translation>Scan to read in full</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="86" />
            <source>目前没有正在公示的内容和近期活动。
可点下方按钮查询公开目录。</source>
            <translation>No notices are posted and no events are coming up.
Tap below to browse the catalogue.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="97" />
            <source>查公开目录</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="97" />
            <source>按领域浏览公开事项</source>
            <translation>Browse items by domain</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="98" />
            <source>拼音首字母查找</source>
            <translation>Pinyin search</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="98" />
            <source>不用打字，按字母就能查</source>
            <translation>Tap letters, no typing</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="99" />
            <source>公示公告</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="99" />
            <source>正在公示的内容</source>
            <translation>Currently posted</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="100" />
            <source>活动日历</source>
            <translation>Events</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="100" />
            <source>政策解读、开放日等活动</source>
            <translation>Policy talks, open days…</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="101" />
            <source>政策文件</source>
            <translation>Policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="101" />
            <source>现行政策、解读，扫码带走</source>
            <translation>Current policies and explanations — scan to take them with you</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/home.py" line="149" />
            <source>第 %1 / %2 条</source>
            <translation>%1 of %2</translation>
        </message>
    </context>
    <context>
        <name>ImagePage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="398" />
            <source>图片无法显示。</source>
            <translation>The picture cannot be shown.</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="78" />
            <source>导入预览：%1</source>
            <translation>Import preview: %1</translation>
        </message>
        <message>
            <source>读取 %1 行：新增 %2 项，修改 %3 项，停用 %4 项。确认后生成新的目录版本。</source>
            <translation type="vanished">Read %1 rows: %2 added, %3 changed, %4 retired. Confirm to create a new catalogue version.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="84" />
            <source>这个文件是：</source>
            <translation>This file is:</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="87" />
            <source>市级标准目录</source>
            <translation>City standard catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="88" />
            <source>区县标准目录</source>
            <translation>District standard catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="89" />
            <source>本站点目录（增补与细化）</source>
            <translation>Site catalogue (additions and refinements)</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="120" />
            <location filename="../../ui/catalogue/dialogs.py" line="168" />
            <location filename="../../ui/catalogue/dialogs.py" line="180" />
            <source>确认导入</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="121" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="133" />
            <source>正在按所选来源重新比对…</source>
            <translation>Comparing again for the chosen origin…</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="148" />
            <source>读取 %1 行：新增 %2 项，修改 %3 项，停用 %4 项，细化 %5 项。确认后生成新的目录版本。</source>
            <translation>Read %1 rows: %2 new, %3 changed, %4 retired, %5 refined. Confirming makes a new catalogue version.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="156" />
            <source>其中 %1 项是本站点细化过的标准事项，导入后将在“今天”提示复核。</source>
            <translation>%1 of them are standard items this site refined; after the import, Today asks for a review.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="160" />
            <source>文件内容与现有目录一致，无需导入。</source>
            <translation>The file matches the current catalogue; nothing to import.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="168" />
            <source>确认导入（停用 %1 项）</source>
            <translation>Import (retires %1 items)</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="178" />
            <source>按所选来源不能导入这个文件，请改选其他来源或检查文件。</source>
            <translation>This file cannot be imported as the chosen origin; choose another origin or check the file.</translation>
        </message>
    </context>
    <context>
        <name>IntakeDialog</name>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="92" />
            <source>登记政府信息公开申请</source>
            <translation>Log information request</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="93" />
            <source>证件号码和联系方式只在本机工作人员界面显示原文，打印和导出时一律遮蔽。</source>
            <translation>ID numbers and contact details are shown in full only on this staff screen; they are always masked when printed or exported.</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="109" />
            <source>所需政府信息的名称、文号或者便于查询的特征性描述</source>
            <translation>Title, document number or a description that helps find the information</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="114" />
            <source>提交方式</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="115" />
            <source>提交或到达（签收）日期</source>
            <translation>Submitted / arrived on</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="116" />
            <source>与申请人确认日期</source>
            <translation>Confirmed with applicant on</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="118" />
            <source>申请人类型</source>
            <translation>Applicant type</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="119" />
            <source>姓名或名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="120" />
            <source>联系人（法人或其他组织）</source>
            <translation>Contact (for organisations)</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="121" />
            <source>身份证件号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="122" />
            <source>联系电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="123" />
            <source>通信地址</source>
            <translation>Address</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="124" />
            <source>电子邮箱</source>
            <translation>Email</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="125" />
            <source>所需信息</source>
            <translation>Information sought</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="126" />
            <source>提供形式</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../ui/requests/dialogs.py" line="127" />
            <source>获取方式</source>
            <translation>Delivery</translation>
        </message>
    </context>
    <context>
        <name>InterpretationPage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="368" />
            <source>这份解读材料不存在。请按“返回首页”。</source>
            <translation>This explanation does not exist. Please press "Home".</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="373" />
            <source>解读的文件：</source>
            <translation>Explains:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="375" />
            <source>▣ 点此全屏看图解</source>
            <translation>▣ Tap for the full-screen graphic</translation>
        </message>
    </context>
    <context>
        <name>InvitationDialog</name>
        <message>
            <location filename="../../ui/sync/devices.py" line="68" />
            <source>邀请电脑加入本站点</source>
            <translation>Invite a PC to join this site</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="70" />
            <source>展示电脑（大厅查询机）</source>
            <translation>Display PC (hall kiosk)</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="70" />
            <source>工作电脑</source>
            <translation>Staff PC</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="72" />
            <source>在要加入的%1上运行（或扫描下方二维码得到邀请码）：</source>
            <translation>On the %1 that is to join, run (or scan the QR code below for the invitation code):</translation>
        </message>
        <message>
            <location filename="../../ui/sync/devices.py" line="92" />
            <source>24 小时内有效，只能使用一次（%1 前）。</source>
            <translation>Valid for 24 hours and for one use only (until %1).</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="231" />
            <source>平台地址</source>
            <translation>PLATFORM-ADDRESS</translation>
        </message>
    </context>
    <context>
        <name>ItemDetailPage</name>
        <message>
            <location filename="../../ui/kiosk/browse.py" line="75" />
            <source>这个公开事项已停用或不存在。请按“返回首页”。</source>
            <translation>This item has been retired or does not exist. Press "Home".</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="199" />
            <source>本站点细化</source>
            <translation>Site refinement</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="201" />
            <source>修改本站点事项</source>
            <translation>Edit site item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="201" />
            <source>增补本站点事项</source>
            <translation>Add site item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="229" />
            <source>其他渠道名称，用“；”分隔</source>
            <translation>Other channels, separated by "；"</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="230" />
            <source>全社会</source>
            <translation>Public</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="231" />
            <source>特定群体：</source>
            <translation>Specific group:</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="237" />
            <source>主动</source>
            <translation>Proactive</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="238" />
            <source>依申请</source>
            <translation>On request</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="256" />
            <source>领域</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="257" />
            <source>一级事项</source>
            <translation>Level-1 item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="258" />
            <source>二级事项</source>
            <translation>Level-2 item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="259" />
            <source>三级事项</source>
            <translation>Level-3 item</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="260" />
            <source>公开内容（要素）</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="261" />
            <source>公开依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="262" />
            <source>公开时限</source>
            <translation>Time limit</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="263" />
            <source>公开主体</source>
            <translation>Publisher</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="264" />
            <source>公开渠道和载体</source>
            <translation>Channels</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="265" />
            <source>其他渠道</source>
            <translation>Other channels</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="266" />
            <source>公开对象</source>
            <translation>Audience</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="267" />
            <source>公开方式</source>
            <translation>Mode</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="268" />
            <source>公开层级</source>
            <translation>Tier</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="269" />
            <source>咨询电话</source>
            <translation>Enquiry phone</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="270" />
            <source>公开时长</source>
            <translation>Duration</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="272" />
            <source>为什么本站点这样写，如“公开主体为唐王街道办事处”</source>
            <translation>Why this site words it so, e.g. "disclosed by the Tangwang street office"</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="276" />
            <source>领域和一级/二级/三级事项是标准事项的标识，不能细化。改动的列按本站点写法显示，标准原文保留。</source>
            <translation>The domain and level 1/2/3 items identify a standard item and cannot be refined. Changed columns show the site's wording; the standard text is kept.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/dialogs.py" line="283" />
            <source>细化原因</source>
            <translation>Reason for the refinement</translation>
        </message>
    </context>
    <context>
        <name>ItemsPage</name>
        <message>
            <location filename="../../ui/kiosk/browse.py" line="55" />
            <source>公开事项</source>
            <translation>Items</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/browse.py" line="58" />
            <source>这个领域暂无公开事项。</source>
            <translation>This domain has no items yet.</translation>
        </message>
    </context>
    <context>
        <name>KioskEvents</name>
        <message>
            <location filename="../../ui/kiosk/events.py" line="20" />
            <source>星期一</source>
            <translation>Monday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="21" />
            <source>星期二</source>
            <translation>Tuesday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="22" />
            <source>星期三</source>
            <translation>Wednesday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="23" />
            <source>星期四</source>
            <translation>Thursday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="24" />
            <source>星期五</source>
            <translation>Friday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="25" />
            <source>星期六</source>
            <translation>Saturday</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/events.py" line="26" />
            <source>星期日</source>
            <translation>Sunday</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="24" />
            <source>%1月%2日 %3</source>
            <translation>%3 %1/%2</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="25" />
            <source>%1月%2日 %3 至 %4月%5日 %6</source>
            <translation>%1/%2 %3 to %4/%5 %6</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="26" />
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="27" />
            <source>明天</source>
            <translation>Tomorrow</translation>
        </message>
    </context>
    <context>
        <name>KioskNotices</name>
        <message>
            <location filename="../../ui/kiosk/notices.py" line="22" />
            <source>%1年%2月%3日 至 %4年%5月%6日</source>
            <translation>%1-%2-%3 to %4-%5-%6</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/notices.py" line="33" />
            <source>公示期：%1</source>
            <translation>Posting period: %1</translation>
        </message>
    </context>
    <context>
        <name>KioskWindow</name>
        <message>
            <location filename="../../ui/kiosk/window.py" line="206" />
            <source>⌂ 返回首页</source>
            <extracomment>The hidden admin corner of the clock, in pixels from its top-left.</extracomment>
            <translation>⌂ Home</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="211" />
            <source>查目录</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="212" />
            <source>拼音查找</source>
            <translation>Pinyin search</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="213" />
            <source>公示公告</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="214" />
            <source>活动日历</source>
            <translation>Events</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="215" />
            <source>政策文件</source>
            <translation>Policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="234" />
            <source>开 ✓</source>
            <translation>On ✓</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="234" />
            <source>关</source>
            <translation>Off</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="235" />
            <source>长辈模式 大字：</source>
            <translation>Large text:</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/window.py" line="236" />
            <source>高对比：</source>
            <translation>High contrast:</translation>
        </message>
    </context>
    <context>
        <name>Labels</name>
        <message>
            <location filename="_extra_sources.py" line="453" />
            <source>通用公示公告</source>
            <translation>General notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="454" />
            <source>最低生活保障（低保）初审公示</source>
            <translation>Minimum living allowance (dibao): first-review notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="455" />
            <source>特困人员救助供养公示</source>
            <translation>Support for people in extreme poverty</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="456" />
            <source>征收土地预公告</source>
            <translation>Land acquisition: preliminary announcement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="457" />
            <source>征地补偿安置方案公告</source>
            <translation>Land acquisition: compensation and resettlement plan</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="458" />
            <source>房屋征收与老旧小区改造方案</source>
            <translation>Housing expropriation and old-estate renovation plan</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="459" />
            <source>义务教育招生政策与学区范围</source>
            <translation>School admission policy and catchment areas</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="460" />
            <source>医疗卫生服务（疫苗接种、家庭医生）</source>
            <translation>Health services (vaccination, family doctors)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="461" />
            <source>老年人福利补贴（高龄津贴等）公示</source>
            <translation>Elderly welfare allowances (longevity allowance etc.)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="462" />
            <source>村（居）务与财务公开</source>
            <translation>Village (community) affairs and finances</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="463" />
            <source>重大行政决策征求意见</source>
            <translation>Consultation on a major administrative decision</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="464" />
            <source>活动公告（政策解读、开放日等）</source>
            <translation>Event announcement (policy briefing, open day etc.)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="465" />
            <source>当面提交</source>
            <translation>In person</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="466" />
            <source>邮寄（挂号/EMS）</source>
            <translation>By post (registered/EMS)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="467" />
            <source>平常信函</source>
            <translation>Ordinary letter</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="468" />
            <source>互联网（在线申请/电子邮件）</source>
            <translation>Internet (online form/e-mail)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="469" />
            <source>传真</source>
            <translation>Fax</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="470" />
            <source>予以公开</source>
            <translation>Disclosed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="471" />
            <source>部分公开</source>
            <translation>Partly disclosed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="472" />
            <source>不予公开：国家秘密</source>
            <translation>Withheld: state secret</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="473" />
            <source>不予公开：法律行政法规禁止</source>
            <translation>Withheld: prohibited by law</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="474" />
            <source>不予公开：危及三安全一稳定</source>
            <translation>Withheld: endangers security or stability</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="475" />
            <source>不予公开：保护第三方合法权益</source>
            <translation>Withheld: third-party rights</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="476" />
            <source>不予公开：内部事务信息</source>
            <translation>Withheld: internal affairs</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="477" />
            <source>不予公开：过程性信息</source>
            <translation>Withheld: process information</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="478" />
            <source>不予公开：行政执法案卷</source>
            <translation>Withheld: enforcement files</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="479" />
            <source>不予公开：行政查询事项</source>
            <translation>Withheld: administrative inquiry</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="480" />
            <source>无法提供：信息不存在</source>
            <translation>Cannot provide: does not exist</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="481" />
            <source>无法提供：非本机关信息</source>
            <translation>Cannot provide: not held by this body</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="482" />
            <source>无法提供：需另行制作</source>
            <translation>Cannot provide: would need to be created</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="483" />
            <source>无法提供：补正后仍不明确</source>
            <translation>Cannot provide: still unclear after correction</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="484" />
            <source>不予处理：信访举报投诉类</source>
            <translation>Not handled: petition or complaint</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="485" />
            <source>不予处理：重复申请</source>
            <translation>Not handled: repeated request</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="486" />
            <source>不予处理：公开出版物</source>
            <translation>Not handled: published material</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="487" />
            <source>不予处理：无正当理由大量反复申请</source>
            <translation>Not handled: excessive repeated requests</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="488" />
            <source>不予处理：要求确认或重新出具</source>
            <translation>Not handled: asks to confirm or reissue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="489" />
            <source>其他：逾期不补正</source>
            <translation>Other: no correction in time</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="490" />
            <source>其他：逾期未缴费</source>
            <translation>Other: fee not paid in time</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="491" />
            <source>其他处理</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="492" />
            <source>现场政策解读</source>
            <translation>On-site policy briefing</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="493" />
            <source>综合政策辅导</source>
            <translation>Policy counselling</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="494" />
            <source>办事流程演示</source>
            <translation>Procedure demonstration</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="495" />
            <source>政府开放日/开放月</source>
            <translation>Government open day/month</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="496" />
            <source>座谈会/听证会</source>
            <translation>Symposium/hearing</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="497" />
            <source>问卷调查/征集调查</source>
            <translation>Survey/consultation</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="498" />
            <source>其他活动</source>
            <translation>Other event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="499" />
            <source>计划中</source>
            <translation>Planned</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="500" />
            <source>已举办</source>
            <translation>Held</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="501" />
            <source>已结束（已报告）</source>
            <translation>Closed (reported)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="502" />
            <source>已取消</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="503" />
            <source>义务监督员</source>
            <translation>Volunteer supervisors</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="504" />
            <source>人大代表</source>
            <translation>People's Congress deputies</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="505" />
            <source>政协委员</source>
            <translation>CPPCC members</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="506" />
            <source>群众代表</source>
            <translation>Residents' representatives</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="507" />
            <source>企业代表</source>
            <translation>Business representatives</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>公开专区工作台</source>
            <translation type="vanished">Disclosure Zone Desk</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="98" />
            <source>当前用户：</source>
            <extracomment>room left for the window manager's frame (width, height) when it is not known yet how long after the first page has shown its list the other pages' modules start loading in the background, and when they start at the latest how long the badges wait after a change before being read again (several writes, one read)</extracomment>
            <translation>User: </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="99" />
            <location filename="../../ui/main_window.py" line="154" />
            <source>站点：</source>
            <translation>Site: </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="100" />
            <source>同步：未配置</source>
            <translation>Sync: not set up</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/main_window.py" line="225" />
            <source>现在：%n 件</source>
            <translation>
                <numerusform>Now: %n</numerusform>
                <numerusform>Now: %n</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="277" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="278" />
            <source>立即备份数据库</source>
            <translation>Back up database now</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="282" />
            <source>退出登录/切换用户</source>
            <translation>Sign out / switch user</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="284" />
            <source>退出当前用户并回到登录框（Ctrl+L），不必关闭程序</source>
            <translation>Sign out and return to the sign-in box (Ctrl+L) without closing the program</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="287" />
            <source>退出</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="291" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="292" />
            <source>关于</source>
            <translation>About</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="300" />
            <source>备份完成</source>
            <translation>Backup complete</translation>
        </message>
        <message>
            <location filename="../../ui/main_window.py" line="300" />
            <source>已备份到：</source>
            <translation>Backed up to: </translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <location filename="_extra_sources.py" line="302" />
            <source>今天没有需要处理的事项</source>
            <translation>Nothing to do today</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="303" />
            <source>今天没有到期的事项，本周有 {events} 场活动</source>
            <translation>Nothing due today; {events} event(s) this week</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="304" />
            <source>今天有 {n} 件事需要处理</source>
            <translation>{n} thing(s) to do today</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="305" />
            <source>今天有 {n} 件事需要处理，其中 {overdue} 件已逾期</source>
            <translation>{n} thing(s) to do today, {overdue} overdue</translation>
        </message>
        <message>
            <source>{day}　{user}</source>
            <translation type="vanished">{day}   {user}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="306" />
            <source>自上次提醒以来没有新到期的事项。</source>
            <translation>Nothing new has become due since the last reminder.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="307" />
            <source>新到期 {n} 件事项：已逾期 {overdue} 件，今天到期 {today} 件，3个工作日内到期 {soon} 件，其他 {other} 件。</source>
            <translation>{n} newly due: {overdue} overdue, {today} due today, {soon} due within 3 working days, {other} other. </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="308" />
            <source>{step}：{title}</source>
            <translation>Review ({step}): {title}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="309" />
            <source>三审三校：等待{step}。公示期已于 {start} 开始，须审定并张贴后才能公示</source>
            <translation>Three-step review: waiting for {step}. The posting period started on {start}; the notice must be approved and posted first</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="310" />
            <source>三审三校：等待{step}。公示期将于 {start} 开始，须审定并张贴后才能公示</source>
            <translation>Three-step review: waiting for {step}. The posting period starts on {start}; the notice must be approved and posted first</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="311" />
            <source>撤下：{title}（{board}）</source>
            <translation>Take down: {title} ({board})</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="312" />
            <source>公示期满应撤下：{where}的张贴应于 {day} 撤下</source>
            <translation>Posting period over: the posting on {where} comes down on {day}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="313" />
            <source>公示期满应撤下：{where}的张贴应于 {day} 撤下，已超过 {days} 天</source>
            <translation>Posting period over: the posting on {where} was due to come down on {day}, {days} day(s) ago</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="314" />
            <source>张贴：{title} → {where}</source>
            <translation>Post: {title} → {where}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="315" />
            <source>定点公开：该公示应张贴在{board}，登记册中没有在贴的记录（公示期 {start} 开始）</source>
            <translation>Fixed-place disclosure: the notice should be on {board}, but the register has no posting (period starts {start})</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="316" />
            <source>公开目录事项：{item}</source>
            <translation>Disclose catalogue item: {item}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="317" />
            <source>公开时限：{rule}；上次公开：{last}；应在 {due} 前公开</source>
            <translation>Deadline rule: {rule}; last disclosed: {last}; disclose by {due}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="318" />
            <source>{kind}：{number} {what}</source>
            <translation>{kind}: {number} {what}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="319" />
            <source>{kind}：{number}</source>
            <translation>{kind}: {number}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="320" />
            <source>{rule}；{period} {due}</source>
            <translation>{rule}; {period} {due}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="321" />
            <source>{rule}；{period} {due}，请跟进</source>
            <translation>{rule}; {period} {due}, please follow up</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="322" />
            <source>答复申请 {number}：{what}</source>
            <translation>Answer request {number}: {what}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="323" />
            <source>答复申请 {number}</source>
            <translation>Answer request {number}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="324" />
            <source>{rule}；答复期限 {due}</source>
            <translation>{rule}; answer due {due}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="325" />
            <source>{rule}；答复期限 {due}，已超期</source>
            <translation>{rule}; answer was due {due}, overdue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="326" />
            <source>{type}：{title}</source>
            <translation>{type}: {title}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="327" />
            <source>今天 {start}–{end}，地点：{place}</source>
            <translation>Today {start}–{end}, at {place}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="328" />
            <source>{day} {start}–{end}，地点：{place}</source>
            <translation>{day} {start}–{end}, at {place}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="329" />
            <source>填写活动总结：{title}</source>
            <translation>Write the closing report: {title}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="330" />
            <source>活动已于 {ended} 结束，请在下一个工作日 {due} 前填写出席人数、问答和收集到的意见建议</source>
            <translation>The event ended on {ended}; by the next working day, {due}, record attendance, questions and suggestions</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="331" />
            <source>公开意见采纳情况：{title}</source>
            <translation>Publish adoption of suggestions: {title}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="332" />
            <source>收集到 {n} 条意见建议，须在 {start} 起 {days} 个工作日内公开收集和采纳情况（要点二(二)），期限 {due}</source>
            <translation>{n} suggestion(s) collected; publish how they were adopted within {days} working days from {start} (key points 2(2)), by {due}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="333" />
            <source>公示期共 {days}{unit}{minimum}{provisional}</source>
            <translation>Posting period: {days} {unit}{minimum}{provisional}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="334" />
            <source>，法定最短 {min}{unit}（{basis}）{late}</source>
            <translation>; legal minimum {min} {unit} ({basis}){late}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="335" />
            <source>；结束日期最早应为 {end}</source>
            <translation>; the earliest end date is {end}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="336" />
            <source>（暂定：该年无官方节假日数据）</source>
            <translation> (provisional: no official holiday data for that year)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="337" />
            <source>待补正（补正期限 {due}）</source>
            <translation>Waiting for correction (due {due})</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="338" />
            <source>待补正</source>
            <translation>Waiting for correction</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="339" />
            <source>{due}</source>
            <translation>{due}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="340" />
            <source>{due}（暂定）</source>
            <translation>{due} (provisional)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="341" />
            <source>{due}（暂停计时中）</source>
            <translation>{due} (clock paused)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="342" />
            <source>{due}（暂定）（暂停计时中）</source>
            <translation>{due} (provisional, clock paused)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="343" />
            <source>载入 {year} 年法定节假日安排</source>
            <translation>Load the {year} public holiday schedule</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="344" />
            <source>{year} 年没有官方节假日数据：涉及该年的期限只按周末计算，标为“暂定”。请在“设置”中导入国务院办公厅通知，或同步市级平台。</source>
            <translation>No official holiday data for {year}: deadlines in that year count weekends only and are marked “provisional”. Import the State Council notice in Settings, or sync with the city platform.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="345" />
            <source>政策文件{kind}：《{title}》</source>
            <translation>Policy document {kind}: “{title}”</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="346" />
            <source>市级平台于 {on} {what}；请核对关联的目录事项和查阅资料，在“政策文件”页确认</source>
            <translation>On {on} the city platform: {what}; check the linked catalogue items and reading materials, then confirm on the Policies page</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="347" />
            <source>市级平台于 {on} {what}；关联目录事项：{items}；请核对关联的目录事项和查阅资料，在“政策文件”页确认</source>
            <translation>On {on} the city platform: {what}; linked catalogue items: {items}; check them and the reading materials, then confirm on the Policies page</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="348" />
            <source>政策解读：《{title}》尚无解读材料</source>
            <translation>Policy briefing: “{title}” has no interpretation yet</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="349" />
            <source>政策解读“三同步”：解读材料应与政策文件同步起草、同步审签、同步发布（2023年济南市政务公开工作要点 三(二)）；文件发布于 {on}</source>
            <translation>Interpretations are drafted, signed off and released together with the policy (Jinan 2023 key points 3(2)); the document was released on {on}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="350" />
            <source>用户“{user}”没有{roles}角色，不能{action}。</source>
            <translation>User "{user}" does not have the {roles} role, so cannot {action}.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="351" />
            <source>“{role}”</source>
            <translation>"{role}"</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="352" />
            <source>{first}或{rest}</source>
            <translation>{first} or {rest}</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="353" />
            <source>请先登录。</source>
            <translation>Please sign in first.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="354" />
            <source>个工作日</source>
            <translation>working day(s)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="355" />
            <source>日</source>
            <translation>day(s)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="356" />
            <source>初审</source>
            <translation>first review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="357" />
            <source>复审</source>
            <translation>second review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="358" />
            <source>终审</source>
            <translation>final review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="359" />
            <source>无记录</source>
            <translation>none recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="360" />
            <source>未填写</source>
            <translation>not given</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="361" />
            <source>补正期限</source>
            <translation>correction due</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="362" />
            <source>第三方意见期限</source>
            <translation>third-party opinion due</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="508" />
            <source>已超期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="509" />
            <source>即将到期</source>
            <translation>Due soon</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="510" />
            <source>等待补正</source>
            <translation>Waiting for correction</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="511" />
            <source>等待第三方意见</source>
            <translation>Waiting for third party</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="512" />
            <source>条例第三十三条第二款：自收到申请之日起20个工作日内予以答复</source>
            <translation>Regulations art. 33(2): answer within 20 working days of receipt</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="513" />
            <source>条例第三十条：自收到申请之日起7个工作日内一次性告知申请人作出补正</source>
            <translation>Regulations art. 30: ask for all corrections at once within 7 working days of receipt</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="514" />
            <source>条例第三十二条：第三方应当自收到征求意见书之日起15个工作日内提出意见</source>
            <translation>Regulations art. 32: the third party answers within 15 working days of the consultation letter</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="515" />
            <source>条例第三十三条第二款：经政府信息公开工作机构负责人同意，延长的期限最长不得超过20个工作日</source>
            <translation>Regulations art. 33(2): an approved extension is at most 20 working days</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="516" />
            <source>本站设定：条例第三十条要求在补正通知中给出合理补正期限（参照苏政办函〔2019〕98号）</source>
            <translation>Site setting: art. 30 asks for a reasonable correction period in the notice (cf. Jiangsu 2019 No. 98)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="517" />
            <source>本站设定：到期前若干个工作日起提醒</source>
            <translation>Site setting: remind this many working days before the deadline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="518" />
            <source>窗口工作人员</source>
            <translation>counter clerk</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="519" />
            <source>政务公开专员（管理员）</source>
            <translation>disclosure officer (administrator)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="520" />
            <source>起草公示</source>
            <translation>draft a notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="521" />
            <source>修改公示</source>
            <translation>edit a notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="522" />
            <source>提交公示审核</source>
            <translation>submit a notice for review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="523" />
            <source>初审公示</source>
            <translation>give a notice its first review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="524" />
            <source>复审公示</source>
            <translation>give a notice its second review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="525" />
            <source>终审公示</source>
            <translation>give a notice its final review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="526" />
            <source>发布公示</source>
            <translation>publish a notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="527" />
            <source>撤回公示</source>
            <translation>withdraw a notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="528" />
            <source>修改法定公示期</source>
            <translation>change a statutory posting period</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="529" />
            <source>登记公开栏</source>
            <translation>register a bulletin board</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="530" />
            <source>停用或启用公开栏</source>
            <translation>retire or reinstate a bulletin board</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="531" />
            <source>登记张贴</source>
            <translation>record a posting</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="532" />
            <source>登记撤下</source>
            <translation>record a take-down</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="533" />
            <source>登记依申请公开</source>
            <translation>register an information request</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="534" />
            <source>批准延期答复</source>
            <translation>approve an extension of the reply deadline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="535" />
            <source>修改法定期限</source>
            <translation>change a statutory deadline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="536" />
            <source>新增活动类型</source>
            <translation>add an event type</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="537" />
            <source>修改活动类型同义词</source>
            <translation>change event type synonyms</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="538" />
            <source>安排活动</source>
            <translation>schedule an event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="539" />
            <source>修改活动</source>
            <translation>edit an event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="540" />
            <source>取消某次活动</source>
            <translation>cancel one occurrence of an event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="541" />
            <source>调整某次活动时间</source>
            <translation>move one occurrence of an event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="542" />
            <source>取消活动</source>
            <translation>cancel an event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="543" />
            <source>登记活动报名</source>
            <translation>register a participant</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="544" />
            <source>取消报名</source>
            <translation>cancel a registration</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="545" />
            <source>活动签到</source>
            <translation>check in a participant</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="546" />
            <source>登记活动已举办</source>
            <translation>record that an event was held</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="547" />
            <source>提交活动总结报告</source>
            <translation>submit an event's closing report</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="548" />
            <source>公开意见采纳情况</source>
            <translation>publish how suggestions were adopted</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="549" />
            <source>设置年度目标</source>
            <translation>set the annual targets</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="550" />
            <source>导入活动日历</source>
            <translation>import an event calendar</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="551" />
            <source>以市级或区县目录导入</source>
            <translation>import a city or district catalogue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="552" />
            <source>修改领域适用情况</source>
            <translation>change which domains apply</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="553" />
            <source>修改同义词表</source>
            <translation>change the synonym table</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="554" />
            <source>增补目录事项</source>
            <translation>add a catalogue item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="555" />
            <source>修改目录事项</source>
            <translation>edit a catalogue item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="556" />
            <source>停用目录事项</source>
            <translation>retire a catalogue item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="557" />
            <source>细化标准事项</source>
            <translation>refine a standard item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="558" />
            <source>复核本站点细化</source>
            <translation>review this site's refinement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="559" />
            <source>撤销本站点细化</source>
            <translation>withdraw this site's refinement</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="560" />
            <source>登记政策文件</source>
            <translation>register a policy document</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="561" />
            <source>修改政策文件</source>
            <translation>edit a policy document</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="562" />
            <source>发布政策文件</source>
            <translation>publish a policy document</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="563" />
            <source>标记政策文件失效或废止</source>
            <translation>mark a policy document expired or repealed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="564" />
            <source>添加附件</source>
            <translation>add an attachment</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="565" />
            <source>添加政策解读</source>
            <translation>add a policy interpretation</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="566" />
            <source>关联目录事项</source>
            <translation>link catalogue items</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="567" />
            <source>确认文件变化</source>
            <translation>acknowledge a document change</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="568" />
            <source>登记查阅</source>
            <translation>record a reading</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="569" />
            <source>处理同步冲突</source>
            <translation>resolve a sync conflict</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="570" />
            <source>邀请其他电脑加入本站点</source>
            <translation>invite another PC to this site</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="571" />
            <source>撤销电脑的同步凭据</source>
            <translation>revoke a PC's sync credentials</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="572" />
            <source>修改考核指标</source>
            <translation>change the assessment criteria</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="573" />
            <source>设置触摸屏退出密码</source>
            <translation>set the kiosk exit PIN</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="574" />
            <source>修改站点信息</source>
            <translation>change the site's details</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="575" />
            <source>修改偏好设置</source>
            <translation>change the preferences</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="576" />
            <source>导入节假日安排</source>
            <translation>import the holiday schedule</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="577" />
            <source>新增工作人员</source>
            <translation>add a staff member</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="578" />
            <source>重设工作人员密码</source>
            <translation>reset a staff member's password</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="579" />
            <source>停用或启用工作人员账号</source>
            <translation>deactivate or reactivate a staff account</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="580" />
            <source>登记申请</source>
            <translation>register the request</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="581" />
            <source>发出补正通知</source>
            <translation>send a correction notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="582" />
            <source>登记补正材料</source>
            <translation>record the corrected materials</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="583" />
            <source>开始办理</source>
            <translation>start processing</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="584" />
            <source>征求第三方意见</source>
            <translation>consult a third party</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="585" />
            <source>登记第三方意见</source>
            <translation>record the third party's opinion</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="586" />
            <source>提交审签</source>
            <translation>submit for sign-off</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="587" />
            <source>退回重办</source>
            <translation>send back for rework</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="588" />
            <source>签发答复</source>
            <translation>sign off the reply</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="589" />
            <source>归档</source>
            <translation>archive the request</translation>
        </message>
    </context>
    <context>
        <name>MoveOccurrenceDialog</name>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="47" />
            <source>调整本次活动时间</source>
            <translation>Reschedule this occurrence</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="53" />
            <source>“%1”原定 %2。只调整这一次，其余各次不变。</source>
            <translation>“%1” was planned for %2. Only this occurrence moves; the others stay as they are.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="71" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="76" />
            <source>如：国庆假期顺延</source>
            <translation>e.g. postponed for the National Day holiday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="77" />
            <source>改到</source>
            <translation>Move to</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="78" />
            <source>地点</source>
            <translation>Venue</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="79" />
            <source>改期说明</source>
            <translation>Reason for the change</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="81" />
            <source>确定改期</source>
            <translation>Reschedule</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/occurrence_dialog.py" line="81" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
    </context>
    <context>
        <name>Nav</name>
        <message>
            <location filename="../../ui/pages/__init__.py" line="65" />
            <source>今日工作</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="66" />
            <source>标准目录</source>
            <translation>Catalogue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="67" />
            <source>政策文件</source>
            <translation>Policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="68" />
            <source>活动日历</source>
            <translation>Calendar</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="69" />
            <source>公示公告</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="70" />
            <source>依申请公开</source>
            <translation>Requests</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="71" />
            <source>同步</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="../../ui/pages/__init__.py" line="72" />
            <source>设置</source>
            <translation>Settings</translation>
        </message>
    </context>
    <context>
        <name>NoticeAdmin</name>
        <message>
            <location filename="_extra_sources.py" line="36" />
            <source>未规定</source>
            <translation>None set</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="37" />
            <source>公开栏名称</source>
            <translation>Board</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="38" />
            <source>村（社区）</source>
            <translation>Village (community)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="39" />
            <source>位置</source>
            <translation>Location</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="40" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="41" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="42" />
            <source>公示模板</source>
            <translation>Notice template</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="43" />
            <source>最短公示期</source>
            <translation>Minimum posting period</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="44" />
            <source>修改人</source>
            <translation>Changed by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="45" />
            <source>依据</source>
            <translation>Basis</translation>
        </message>
    </context>
    <context>
        <name>NoticeDetailPage</name>
        <message>
            <location filename="../../ui/kiosk/notices.py" line="89" />
            <source>这份公示已结束或已撤下。请按“返回首页”。</source>
            <translation>This notice has ended or been taken down. Press "Home".</translation>
        </message>
    </context>
    <context>
        <name>NoticeEditorDialog</name>
        <message>
            <location filename="../../ui/notices/editor.py" line="134" />
            <source>新建公示</source>
            <extracomment>Roster rows the staff preview masks and shows (the printout and the platform get all of them).</extracomment>
            <translation>New notice</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="134" />
            <source>修改公示：</source>
            <translation>Edit notice: </translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="142" />
            <source>正文：段落之间空一行；“一、……”单独成行作为小标题。</source>
            <translation>Body: leave a blank line between paragraphs; a line starting "一、" becomes a heading.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="145" />
            <source>名单（可从 Excel 复制粘贴）：第一行为表头，每行一条，列之间用 Tab 分隔。</source>
            <translation>List (paste from Excel): first row is the header, one entry per row, columns separated by Tab.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="158" />
            <source>如：社会事务办 刘主任 0531-88123457</source>
            <translation>e.g. Social Affairs Office, Director Liu, 0531-88123457</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="162" />
            <source>异议反馈渠道（留空则用模板的默认说明）</source>
            <translation>How to object (blank = template default)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="163" />
            <source>姓名也遮蔽（张三 → 张*）</source>
            <translation>Mask names too (张三 → 张*)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="165" />
            <source>定点公开（张贴到所选公开栏）</source>
            <translation>Targeted posting (on chosen boards)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="166" />
            <source>定向公开（面向特定群体）</source>
            <translation>Directed disclosure (specific group)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="168" />
            <source>定向对象，如：拟征收土地所在村集体成员</source>
            <translation>Target group, e.g. members of the village whose land is to be expropriated</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="174" />
            <source>目标公开栏</source>
            <translation>Target boards</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="180" />
            <source>至</source>
            <translation>to</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="183" />
            <source>模板</source>
            <translation>Template</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="184" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="185" />
            <source>正文</source>
            <translation>Body</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="186" />
            <source>名单</source>
            <translation>List</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="187" />
            <source>公示期</source>
            <translation>Posting period</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="189" />
            <source>发布单位</source>
            <translation>Issued by</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="190" />
            <source>联系人及电话</source>
            <translation>Contact and phone</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="191" />
            <source>监督电话</source>
            <translation>Complaints phone</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="192" />
            <source>异议渠道</source>
            <translation>Objections</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="193" />
            <source>公开方式</source>
            <translation>Disclosure</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="194" />
            <source>定向对象</source>
            <translation>Target group</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="196" />
            <source>目录事项</source>
            <translation>Catalogue items</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="197" />
            <source>相关政策</source>
            <translation>Related policies</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="205" />
            <source>遮蔽预览：黄色为打印和公开时将遮蔽的内容（与打印件、公开页面一致）</source>
            <translation>Masking preview: yellow is what printouts and the public page hide (the same as they show)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="385" />
            <source>超过公示的上限</source>
            <translation>Over the notice limits</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="414" />
            <source>超过公示的上限，未生成预览。</source>
            <translation>Over the notice limits: no preview made.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="454" />
            <source>……名单共 %1 行，预览只显示前 %2 行</source>
            <translation>…the roster has %1 rows; the preview shows the first %2</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="468" />
            <source>标题、正文等文字中发现的（取消勾选可保留原文，保存时记入审计日志）：</source>
            <translation>Found in the title, body and other text (untick to keep the original; saving records it in the audit log):</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="474" />
            <source>（%1 处）</source>
            <translation> (%1 times)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="482" />
            <source>%1 %2 格</source>
            <translation>%1: %2 cells</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="486" />
            <source>名单中遮蔽 %1 个单元格：%2。名单里的身份证号、电话、姓名等始终遮蔽，不能保留原文。</source>
            <translation>%1 roster cells masked: %2. ID numbers, phone numbers and names in a roster are always masked and cannot be kept.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="495" />
            <source>没有发现需要遮蔽的个人信息。</source>
            <translation>No personal data to mask was found.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="496" />
            <source>打印和公开时共遮蔽 %1 处：文字中 %2 处，名单中 %3 个单元格。</source>
            <translation>Printouts and the public page mask %1 in all: %2 in the text, %3 roster cells.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="504" />
            <source>已取消勾选 %1 项（保留原文）。</source>
            <translation> %1 unticked (original kept).</translation>
        </message>
        <message>
            <source>遮蔽预览（黄色为打印和公开时将遮蔽的内容；取消勾选可保留原文，并记入审计日志）</source>
            <translation type="vanished">Masking preview (yellow text is masked when printed or published; untick to keep the original, which is logged)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="226" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/notices/editor.py" line="228" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>正文中未发现需要遮蔽的个人信息。</source>
            <translation type="vanished">No personal data to mask was found in the body.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="46" />
            <source>身份证号</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="47" />
            <source>手机号</source>
            <translation>Mobile number</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="48" />
            <source>固定电话</source>
            <translation>Landline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="49" />
            <source>银行卡号</source>
            <translation>Bank card number</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="50" />
            <source>详细住址</source>
            <translation>Street address</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="51" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
    </context>
    <context>
        <name>NoticesPage</name>
        <message>
            <location filename="../../ui/kiosk/notices.py" line="48" />
            <source>目前没有正在公示的内容。</source>
            <translation>No notices are posted at the moment.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="83" />
            <location filename="../../ui/pages/notices_page.py" line="458" />
            <source>%1 至 %2</source>
            <extracomment>How long the list waits after the last keystroke before it asks again. The service's sort key of each list column (None: not sortable).</extracomment>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="87" />
            <source>（暂定）</source>
            <translation> (provisional)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="103" />
            <source>今天撤下</source>
            <translation>Take down today</translation>
        </message>
        <message>
            <source>新建公示…</source>
            <translation type="vanished">New…</translation>
        </message>
        <message>
            <source>修改…</source>
            <translation type="vanished">Edit…</translation>
        </message>
        <message>
            <source>提交审核</source>
            <translation type="vanished">Submit</translation>
        </message>
        <message>
            <source>审核…</source>
            <translation type="vanished">Review…</translation>
        </message>
        <message>
            <source>发布</source>
            <translation type="vanished">Publish</translation>
        </message>
        <message>
            <source>预览与打印…</source>
            <translation type="vanished">Print…</translation>
        </message>
        <message>
            <source>撤回…</source>
            <translation type="vanished">Withdraw…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="203" />
            <source>全部状态</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="204" />
            <source>待我审核</source>
            <translation>Awaiting me</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="208" />
            <source>搜索标题</source>
            <translation>Search titles</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="249" />
            <source>公示公告</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="256" />
            <source>登记张贴…</source>
            <translation>Record posting…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="257" />
            <location filename="../../ui/pages/notices_page.py" line="668" />
            <source>登记撤下</source>
            <translation>Record removal</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="261" />
            <source>公开栏管理…</source>
            <translation>Boards…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="262" />
            <source>法定公示期…</source>
            <translation>Posting periods…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="267" />
            <source>今天应撤下或已逾期</source>
            <translation>Due for removal today or overdue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="276" />
            <source>应张贴而未张贴（已审定或已发布的公示）</source>
            <translation>Not yet posted (approved or published notices)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="282" />
            <source>张贴登记（最近 200 条）</source>
            <translation>Posting register (latest 200)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="628" />
            <source>请先在下面“应张贴而未张贴”中选中一行，或在“公示公告”中选中要张贴的公示。</source>
            <translation>First select a row under "Not yet posted" below, or select the notice to post under "Notices".</translation>
        </message>
        <message>
            <source>张贴登记</source>
            <translation type="vanished">Postings</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="290" />
            <source>公开栏与张贴</source>
            <translation>Boards and postings</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="375" />
            <source>共 %1 条</source>
            <translation>%1 in all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="478" />
            <source>（已保密审查）</source>
            <translation> (confidentiality checked)</translation>
        </message>
        <message>
            <source>修改已审定的公示</source>
            <translation type="vanished">Edit approved notice</translation>
        </message>
        <message>
            <source>修改已审定或已发布的公示将形成新版本，须重新经过三审。是否继续？</source>
            <translation type="vanished">Editing an approved or published notice creates a new version that must go through the review chain again. Continue?</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="606" />
            <source>撤回公示</source>
            <translation>Withdraw notice</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="606" />
            <source>撤回理由：</source>
            <translation>Reason for withdrawal:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="627" />
            <source>登记张贴</source>
            <translation>Record posting</translation>
        </message>
        <message>
            <source>请先在“公示公告”中选中要张贴的公示。</source>
            <translation type="vanished">First select the notice to post under "Notices".</translation>
        </message>
        <message>
            <source>张贴到：</source>
            <translation type="vanished">Post on:</translation>
        </message>
        <message>
            <source>张贴照片（可不选）</source>
            <translation type="vanished">Posting photo (optional)</translation>
        </message>
        <message>
            <source>照片 (*.jpg *.jpeg *.png *.webp *.heic)</source>
            <translation type="vanished">Photos (*.jpg *.jpeg *.png *.webp *.heic)</translation>
        </message>
        <message>
            <source>已登记张贴。</source>
            <translation type="vanished">Posting recorded.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/notices_page.py" line="668" />
            <source>请先选中一条张贴记录。</source>
            <translation>Select a posting first.</translation>
        </message>
        <message>
            <source>已登记撤下。</source>
            <translation type="vanished">Removal recorded.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="94" />
            <source>草稿</source>
            <translation>Draft</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="95" />
            <source>待初审</source>
            <translation>First review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="96" />
            <source>待复审</source>
            <translation>Second review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="97" />
            <source>待终审</source>
            <translation>Final review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="98" />
            <source>已审定</source>
            <translation>Approved</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="99" />
            <source>已发布</source>
            <translation>Published</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="100" />
            <source>已到期</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="101" />
            <source>已撤回</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="103" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="81" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="104" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="105" />
            <source>类型</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="91" />
            <source>公示期</source>
            <translation>Posting period</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="82" />
            <source>版本</source>
            <translation>Version</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="83" />
            <source>模板</source>
            <translation>Template</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="84" />
            <source>公开地址（二维码）</source>
            <translation>Public address (QR)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="85" />
            <source>公开版本（已遮蔽个人信息，打印与市级平台一致）</source>
            <translation>Public version (personal data masked; same as print and city platform)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="86" />
            <source>审核记录</source>
            <translation>Review record</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="87" />
            <source>退回理由</source>
            <translation>Reason returned</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="88" />
            <source>撤回理由</source>
            <translation>Reason withdrawn</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="89" />
            <source>市级平台拒收了这份公示，须改正</source>
            <translation>The city platform refused this notice: it must be corrected</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="90" />
            <source>改正的版本被平台接收之前，公开页面（二维码）不会显示这次修改：平台上只有它此前接收的版本，从未接收过则打不开。</source>
            <translation>Until the platform accepts a corrected version, the public page (QR code) does not show this change: the platform has only the version it accepted before, and opens nothing if it never accepted one.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="92" />
            <source>……共</source>
            <translation>… total</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="93" />
            <source>行</source>
            <translation>rows</translation>
        </message>
        <message numerus="yes">
            <location filename="_extra_sources.py" line="102" />
            <source>已逾期 %n 天</source>
            <translation>
                <numerusform>%n day overdue</numerusform>
                <numerusform>%n days overdue</numerusform>
            </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="106" />
            <source>公开栏</source>
            <translation>Board</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="107" />
            <source>公示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="108" />
            <source>应撤下日期</source>
            <translation>Remove by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="109" />
            <source>情况</source>
            <translation>Situation</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="110" />
            <source>村（社区）</source>
            <translation>Village (community)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="111" />
            <source>应张贴的公示</source>
            <translation>Notice to post</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="112" />
            <source>张贴日期</source>
            <translation>Posted on</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="113" />
            <source>张贴人</source>
            <translation>Posted by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="114" />
            <source>应撤下</source>
            <translation>Remove by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="115" />
            <source>已撤下</source>
            <translation>Removed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="116" />
            <source>照片</source>
            <translation>Photo</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <location filename="../../ui/ops.py" line="67" />
            <source>正在加载…</source>
            <extracomment>A load that takes longer than this shows its loading state (issue 16: ~150 ms). How long a confirmation stays in the status bar.</extracomment>
            <translation>Loading…</translation>
        </message>
    </context>
    <context>
        <name>PageHeader</name>
        <message>
            <location filename="../../ui/kiosk/widgets.py" line="138" />
            <source>‹ 返回上一页</source>
            <translation>‹ Back</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <location filename="../../ui/notices/preview.py" line="42" />
            <source>打印预览：</source>
            <translation>Print preview: </translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="47" />
            <source>横向</source>
            <translation>Landscape</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="49" />
            <source>（页脚不印张贴位置）</source>
            <translation>(no board in footer)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="51" />
            <source>纸张</source>
            <translation>Paper</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="54" />
            <source>张贴位置</source>
            <translation>Board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="58" />
            <source>本公示尚未审定，打印件带“草稿”水印，不得张贴。</source>
            <translation>This notice is not approved yet: prints carry a "DRAFT" watermark and must not be posted.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="80" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="81" />
            <source>批量打印（每个目标公开栏一份）…</source>
            <translation>Print for all boards…</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="83" />
            <source>另存为 PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="84" />
            <source>海报（按所选纸张）…</source>
            <translation>Poster (chosen paper)…</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="85" />
            <source>张贴用的大字海报：标题、公示期、全文张贴位置和二维码</source>
            <translation>A large-type poster for the board: title, posting period, where the full text hangs and a QR code</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="87" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="95" />
            <source>打开所在文件夹</source>
            <translation>Open containing folder</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="173" />
            <source>下面是校样，仅供核对文字；同步后即可打印、另存和张贴。</source>
            <translation>Below is a proof, for checking the text only; after a sync it can be printed, saved and posted.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="230" />
            <source>批量打印</source>
            <translation>Batch print</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/notices/preview.py" line="231" />
            <source>已发送 %n 份（每个目标公开栏一份，页脚印有公开栏名称）。</source>
            <translation>
                <numerusform>Sent %n copy (one per target board, board name in the footer).</numerusform>
                <numerusform>Sent %n copies (one per target board, board name in the footer).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="236" />
            <location filename="../../ui/notices/preview.py" line="239" />
            <location filename="../../ui/notices/preview.py" line="246" />
            <source>另存为 PDF</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="236" />
            <source>预览还在生成，请稍候再保存。</source>
            <translation>The preview is still being made; please save in a moment.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="246" />
            <source>无法保存：</source>
            <translation>Could not save: </translation>
        </message>
        <message>
            <location filename="../../ui/notices/preview.py" line="255" />
            <source>保存海报</source>
            <translation>Save poster</translation>
        </message>
    </context>
    <context>
        <name>PeriodRulesDialog</name>
        <message>
            <location filename="../../ui/notices/admin.py" line="229" />
            <source>法定最短公示期</source>
            <translation>Statutory minimum posting periods</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="233" />
            <source>各模板的最短公示期用于检查公示期是否足够。各地规定不同，请按本地现行文件核对；修改会记入操作日志。</source>
            <translation>Each template's minimum posting period is used to check that a posting period is long enough. Rules differ from place to place: check them against the documents in force locally. Changes are written to the audit log.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="246" />
            <source>更正所选模板</source>
            <translation>Correct selected template</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="248" />
            <location filename="../../ui/notices/admin.py" line="323" />
            <source>请先在上表选中一个模板。</source>
            <translation>Select a template in the table above first.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="254" />
            <source>个工作日</source>
            <translation>working days</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="255" />
            <source>日（自然日）</source>
            <translation>calendar days</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="261" />
            <source>文件名称、文号和条款，如《最低生活保障审核确认办法》第十六条</source>
            <translation>Document title, number and article, e.g. Art. 16 of the Measures for Minimum Living Allowance Review</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="264" />
            <source>保存更正</source>
            <translation>Save correction</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="265" />
            <source>模板</source>
            <translation>Template</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="266" />
            <source>最短公示期</source>
            <translation>Minimum posting period</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="267" />
            <source>依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="../../ui/notices/admin.py" line="272" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="106" />
            <source>管理员退出：请输入退出密码</source>
            <translation>Admin exit: enter the exit PIN</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="125" />
            <source>⌫ 删除</source>
            <translation>⌫ Delete</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="128" />
            <source>✓ 确定</source>
            <translation>✓ OK</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="134" />
            <source>✕ 取消，返回触摸屏</source>
            <translation>✕ Cancel, back to kiosk</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="175" />
            <source>✕ 密码不正确，还可再试 %1 次</source>
            <translation>✕ Wrong PIN, %1 tries left</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/lock.py" line="198" />
            <source>✕ 输错 %1 次，请 %2 秒后再试</source>
            <translation>✕ %1 wrong tries, try again in %2 s</translation>
        </message>
        <message>
            <source>✕ 密码不正确，请重新输入</source>
            <translation type="vanished">✕ Wrong PIN, try again</translation>
        </message>
    </context>
    <context>
        <name>Placeholder</name>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="13" />
            <source>今日工作：待审核的公示、到期的目录事项和申请、今天的活动，将汇总在这里。</source>
            <translation>Today: notices awaiting review, catalogue items and requests falling due, and today's events will be gathered here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="16" />
            <source>标准目录：26 个试点领域的公开事项、导入导出、版本与检索，将在这里管理。</source>
            <translation>Catalogue: items of the 26 pilot domains, import/export, versions and search will be managed here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="19" />
            <source>活动日历：政策解读、综合政策辅导、办事流程演示和政府开放日，将在这里安排。</source>
            <translation>Calendar: policy interpretations, policy counselling, procedure demonstrations and open days will be planned here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="22" />
            <source>公示公告：模板、隐私遮蔽、三审三校和带二维码的打印，将在这里办理。</source>
            <translation>Notices: templates, privacy masking, the review chain and printing with QR codes will be handled here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="25" />
            <source>依申请公开：登记、法定期限（工作日）、告知书和年报统计，将在这里办理。</source>
            <translation>Information requests: intake, statutory deadlines (working days), letters and annual-report statistics will be handled here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/placeholder.py" line="28" />
            <source>同步：与市级平台交换公示、活动和目录，将在这里查看。</source>
            <translation>Sync: exchange of notices, events and the catalogue with the city platform will be shown here.</translation>
        </message>
    </context>
    <context>
        <name>PoliciesPage</name>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="218" />
            <source>搜索：标题、文号、关键词、全文或拼音首字母（如 低保、zdshbz、〔2024〕12号）</source>
            <translation>Search: title, number, keywords, full text or pinyin initials (e.g. 低保, zdshbz, 〔2024〕12号)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="226" />
            <source>有效性：全部</source>
            <translation>Validity: all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="227" />
            <source>现行有效</source>
            <translation>In force</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="238" />
            <source>打印…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="239" />
            <location filename="../../ui/pages/policies_page.py" line="719" />
            <source>登记查阅</source>
            <translation>Record a reading</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="240" />
            <source>登记文件…</source>
            <translation>Register document…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="241" />
            <source>导入文件夹或压缩包…</source>
            <translation>Import folder or zip…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="242" />
            <source>标记废止…</source>
            <translation>Mark repealed…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="243" />
            <source>添加解读…</source>
            <translation>Add explanation…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="244" />
            <source>关联目录事项…</source>
            <translation>Link catalogue items…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="310" />
            <source>文件库</source>
            <translation>Library</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="319" />
            <source>导出（姓名脱敏）…</source>
            <translation>Export (names masked)…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="321" />
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="327" />
            <source>查阅登记</source>
            <translation>Reading register</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="333" />
            <source>市级平台上变化了的文件（新发布、修订、废止）：核对关联的目录事项和查阅资料后确认。</source>
            <translation>Documents that changed on the city platform (new, revised, repealed): check the linked catalogue items and reading materials, then confirm.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="337" />
            <source>已核对，确认</source>
            <translation>Checked, confirm</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="340" />
            <location filename="../../ui/pages/policies_page.py" line="941" />
            <source>待核对变化</source>
            <translation>Changes to check</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="366" />
            <source>◀ 上一页</source>
            <translation>◀ Previous page</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="367" />
            <source>下一页 ▶</source>
            <translation>Next page ▶</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="378" />
            <source>政策解读</source>
            <translation>Policy explanations</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="420" />
            <source>领域：全部</source>
            <translation>Domain: all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="421" />
            <source>发文机关：全部</source>
            <translation>Issuer: all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="422" />
            <source>年份：全部</source>
            <translation>Year: all</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="460" />
            <source>%1 份文件</source>
            <translation>%1 documents</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="512" />
            <location filename="_extra_sources.py" line="129" />
            <source>发文字号</source>
            <translation>Document number</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="513" />
            <location filename="_extra_sources.py" line="130" />
            <source>发文机关</source>
            <translation>Issuing authority</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="514" />
            <source>成文日期</source>
            <translation>Date written</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="515" />
            <location filename="_extra_sources.py" line="131" />
            <source>发布日期</source>
            <translation>Publication date</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="516" />
            <source>施行日期</source>
            <translation>In force from</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="517" />
            <source>主题分类</source>
            <translation>Subject category</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="518" />
            <source>关键词</source>
            <translation>Keywords</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="522" />
            <source>，替代文件：</source>
            <translation>, replaced by: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="533" />
            <source>附件：</source>
            <translation>Attachments: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="539" />
            <source>（没有文字内容）</source>
            <translation>(no text)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="548" />
            <source>本站点发布的文件应同步发布解读（三同步）。</source>
            <translation>Documents this site issues should be published with their explanation at the same time.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="550" />
            <source>尚无解读材料。</source>
            <translation>No explanation yet.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="564" />
            <source>第 %1 / %2 页</source>
            <translation>Page %1 / %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="579" />
            <source>正在显示第 %1 页…</source>
            <translation>Showing page %1…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="613" />
            <source>文件本身</source>
            <translation>The document itself</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="614" />
            <location filename="../../ui/pages/policies_page.py" line="619" />
            <location filename="../../ui/pages/policies_page.py" line="646" />
            <location filename="../../ui/pages/policies_page.py" line="712" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="614" />
            <source>打印哪一份：</source>
            <translation>Print which:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="618" />
            <source>打印机</source>
            <translation>Printer</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="618" />
            <source>保存为 PDF 文件</source>
            <translation>Save as PDF</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="619" />
            <source>输出到：</source>
            <translation>Output to:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="626" />
            <source>保存打印文件</source>
            <translation>Save print file</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="626" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="642" />
            <source>原件</source>
            <translation>Original</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="642" />
            <source>排版</source>
            <translation>Typeset</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="647" />
            <source>已生成 %1 页（%2）：</source>
            <translation>Made %1 pages (%2):</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="649" />
            <source>已记入查阅登记。</source>
            <translation>Recorded in the reading register.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="711" />
            <source>已送打印机 %1 页，已记入查阅登记。</source>
            <translation>Sent %1 pages to the printer; recorded in the reading register.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="711" />
            <source>已送打印机 %1 页。</source>
            <translation>Sent %1 pages to the printer.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="719" />
            <source>查阅人姓名（可不填；导出时脱敏）：</source>
            <translation>Reader's name (optional; masked on export):</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="745" />
            <source>导入压缩包</source>
            <translation>Import zip</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="745" />
            <source>压缩包 (*.zip)</source>
            <translation>Zip files (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="747" />
            <source>或选择文件夹</source>
            <translation>Or choose a folder</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="757" />
            <source>将导入 %1 个文件。</source>
            <translation>%1 files will be imported.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="760" />
            <source>导入政策文件</source>
            <translation>Import policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="768" />
            <source>导入完成</source>
            <translation>Import finished</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="768" />
            <source>已导入 %1 个文件。</source>
            <translation>Imported %1 files.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="777" />
            <source>标记废止</source>
            <translation>Mark repealed</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="777" />
            <source>有效性改为：</source>
            <translation>Change validity to:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="783" />
            <source>替代文件</source>
            <translation>Replacing document</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="783" />
            <source>替代它的文件的发文字号或编号（没有可不填）：</source>
            <translation>Number of the document replacing it (optional):</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="798" />
            <location filename="../../ui/pages/policies_page.py" line="803" />
            <location filename="../../ui/pages/policies_page.py" line="820" />
            <location filename="../../ui/pages/policies_page.py" line="830" />
            <location filename="../../ui/pages/policies_page.py" line="842" />
            <source>添加解读</source>
            <translation>Add explanation</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="798" />
            <source>解读形式：</source>
            <translation>Form:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="803" />
            <source>标题：</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="821" />
            <source>活动日历中没有即将举办的活动。请先在活动日历中安排现场演示。</source>
            <translation>There are no upcoming events in the calendar. Schedule the on-site demonstration in the calendar first.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="830" />
            <source>举办演示的活动：</source>
            <translation>Event holding the demonstration:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="839" />
            <source>选择图片或视频</source>
            <translation>Choose picture or video</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="842" />
            <source>内容：</source>
            <translation>Content:</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="897" />
            <source>%1 年：查阅 %2 人次，打印 %3 次（%4 页），涉及文件 %5 份（年度报告用）</source>
            <translation>%1: %2 readings, %3 prints (%4 pages), %5 documents (for the annual report)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="919" />
            <source>导出查阅登记</source>
            <translation>Export reading register</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="921" />
            <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;PDF 文件（打印用） (*.pdf)</source>
            <translation>Excel workbook (*.xlsx);;CSV file (*.csv);;PDF file for printing (*.pdf)</translation>
        </message>
        <message>
            <source>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</source>
            <translation type="vanished">Excel workbook (*.xlsx);;CSV file (*.csv)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="928" />
            <source>导出完成</source>
            <translation>Export finished</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="928" />
            <source>已导出 %1 条（姓名已脱敏）。</source>
            <translation>Exported %1 entries (names masked).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/policies_page.py" line="935" />
            <source>关联事项：</source>
            <translation>Linked items: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="117" />
            <source>有效性</source>
            <translation>Validity</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="118" />
            <source>日期</source>
            <translation>Date</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="119" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="120" />
            <source>文件或解读</source>
            <translation>Document or explanation</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="121" />
            <source>页数</source>
            <translation>Pages</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="122" />
            <source>查阅人</source>
            <translation>Reader</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="123" />
            <source>登记人</source>
            <translation>Recorded by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="124" />
            <source>扫描件：没有文字层，不能全文检索；下方显示原件页面。</source>
            <translation>Scanned: no text layer, so no full-text search; the original pages are shown below.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="125" />
            <source>废止</source>
            <translation>Repealed</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="126" />
            <source>失效</source>
            <translation>Expired</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="127" />
            <source>已修订</source>
            <translation>Revised</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="128" />
            <source>标题</source>
            <translation>Title</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="132" />
            <source>领域</source>
            <translation>Domain</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="133" />
            <source>解读</source>
            <translation>Explanation</translation>
        </message>
    </context>
    <context>
        <name>PolicyDomainsPage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="52" />
            <source>按拼音首字母查找政策文件 ▸</source>
            <translation>Find policy documents by pinyin initials ▸</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="64" />
            <source>政策文件库暂无文件。请向窗口工作人员咨询。</source>
            <translation>The policy library has no documents yet. Please ask at the counter.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="68" />
            <source>%1 份文件</source>
            <translation>%1 documents</translation>
        </message>
    </context>
    <context>
        <name>PolicyLinksField</name>
        <message>
            <location filename="../../ui/policies/picker.py" line="155" />
            <location filename="../../ui/policies/picker.py" line="197" />
            <source>选择文件…</source>
            <translation>Choose documents…</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="185" />
            <source>（未关联文件库）</source>
            <translation>(not in the library)</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="189" />
            <source>（本机文件库中暂无）</source>
            <translation>(not in this PC's library yet)</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="196" />
            <source>未关联政策文件</source>
            <translation>No policy documents linked</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="197" />
            <source>更改…</source>
            <translation>Change…</translation>
        </message>
    </context>
    <context>
        <name>PolicyListPage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="87" />
            <source>政策文件</source>
            <translation>Policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="90" />
            <source>这个领域暂无现行有效的政策文件。</source>
            <translation>No policy documents in force in this domain.</translation>
        </message>
    </context>
    <context>
        <name>PolicyPickerDialog</name>
        <message>
            <location filename="../../ui/policies/picker.py" line="48" />
            <source>选择政策文件</source>
            <translation>Choose policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="53" />
            <source>输入标题、文号或拼音首字母查找，如 低保、历城政发〔2024〕21号</source>
            <translation>Type a title, number or pinyin initials, e.g. 低保, 历城政发〔2024〕21号</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="60" />
            <source>添加所选 ↓</source>
            <translation>Add selected ↓</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="62" />
            <source>文件库中还没有的文件：写下标题，以后再关联</source>
            <translation>A document not in the library yet: write its title and link it later</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="63" />
            <source>添加标题</source>
            <translation>Add title</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="68" />
            <source>已选：</source>
            <translation>Chosen:</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="71" />
            <source>移除所选</source>
            <translation>Remove selected</translation>
        </message>
        <message>
            <location filename="../../ui/policies/picker.py" line="128" />
            <source>（未关联文件库）</source>
            <translation>(not in the library)</translation>
        </message>
    </context>
    <context>
        <name>PolicyReaderPage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="203" />
            <source>◀ 上一页</source>
            <translation>◀ Previous page</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="206" />
            <source>下一页 ▶</source>
            <translation>Next page ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="208" />
            <source>看现行文件 ▶</source>
            <translation>Current documents ▶</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="222" />
            <source>扫码带走全文和解读</source>
            <translation>Scan to take the full text and explanation</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="225" />
            <source>政策解读</source>
            <translation>Policy explanations</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="261" />
            <source>这份文件不存在或尚未发布。请按“返回首页”。</source>
            <translation>This document does not exist or is not published. Please press "Home".</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="294" />
            <source>（这份文件没有文字内容。请扫码在手机上查看，或向窗口工作人员索取。）</source>
            <translation>(This document has no text. Scan to read it on your phone, or ask at the counter.)</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="338" />
            <source>第 %1 / %2 页</source>
            <translation>Page %1 / %2</translation>
        </message>
    </context>
    <context>
        <name>PolicySearchPage</name>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="112" />
            <source>例：查“最低生活保障”，请依次按 Z、D、S、H。按字母即查，不用打字。</source>
            <translation>Example: for 最低生活保障 press Z, D, S, H. Each letter searches at once; no typing needed.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="127" />
            <source>⌫ 删一个</source>
            <translation>⌫ Delete one</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="130" />
            <source>✕ 全部清除</source>
            <translation>✕ Clear all</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="153" />
            <source>（请按字母）</source>
            <translation>(press letters)</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="154" />
            <source>已按：</source>
            <translation>Pressed: </translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/policies.py" line="158" />
            <source>没有找到。请少按一个字母再试。</source>
            <translation>Nothing found. Remove one letter and try again.</translation>
        </message>
    </context>
    <context>
        <name>PostingDialog</name>
        <message>
            <location filename="../../ui/notices/posting.py" line="49" />
            <location filename="../../ui/notices/posting.py" line="88" />
            <source>登记张贴</source>
            <translation>Record posting</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="52" />
            <source>登记这份公示已经贴到公开栏（或在电子屏上显示）。</source>
            <translation>Record that this notice has been posted on a board (or shown on a screen).</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="58" />
            <source>公示</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="64" />
            <source>公开栏</source>
            <translation>Board</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="71" />
            <source>张贴日期</source>
            <translation>Posted on</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="72" />
            <source>张贴人</source>
            <translation>Posted by</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="74" />
            <source>选择照片…</source>
            <translation>Choose photo…</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="75" />
            <location filename="../../ui/notices/posting.py" line="108" />
            <source>未选照片（可不选）</source>
            <translation>No photo (optional)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="77" />
            <source>不要照片</source>
            <translation>No photo</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="82" />
            <source>现场照片</source>
            <translation>Photo on site</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="90" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="113" />
            <source>选择张贴照片</source>
            <translation>Choose posting photo</translation>
        </message>
        <message>
            <location filename="../../ui/notices/posting.py" line="113" />
            <source>照片 (*.jpg *.jpeg *.png *.webp *.heic)</source>
            <translation>Photos (*.jpg *.jpeg *.png *.webp *.heic)</translation>
        </message>
    </context>
    <context>
        <name>RecurrenceEditor</name>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="60" />
            <source>不重复</source>
            <translation>Does not repeat</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="61" />
            <source>每周</source>
            <translation>Weekly</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="62" />
            <source>每月第几个星期几</source>
            <translation>Monthly, nth weekday</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="78" />
            <source>第%1个</source>
            <translation>#%1</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="79" />
            <source>最后一个</source>
            <translation>Last</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="93" />
            <source>截止日期</source>
            <translation>Until date</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="94" />
            <source>共几次</source>
            <translation>Count</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="95" />
            <source>不设截止</source>
            <translation>Never</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="102" />
            <source> 次</source>
            <translation> times</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="103" />
            <source>结束：</source>
            <translation>Ends:</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="194" />
            <source>保留导入的规则</source>
            <translation>Keep imported rule</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/recurrence_editor.py" line="247" />
            <source>只举办一次</source>
            <translation>Once only</translation>
        </message>
    </context>
    <context>
        <name>Registrations</name>
        <message>
            <location filename="_extra_sources.py" line="3" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="4" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="5" />
            <source>身份</source>
            <translation>Role</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="6" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="7" />
            <source>签到</source>
            <translation>Checked in</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="8" />
            <source>报名时间</source>
            <translation>Registered at</translation>
        </message>
    </context>
    <context>
        <name>RegistrationsDialog</name>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="120" />
            <source>报名与签到：</source>
            <translation>Registration: </translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="81" />
            <source>签到</source>
            <translation>Check in</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="65" />
            <source>报名与签到</source>
            <translation>Registrations and check-in</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="82" />
            <source>取消报名</source>
            <translation>Cancel registration</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="89" />
            <source>新增报名</source>
            <translation>New registration</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="92" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="94" />
            <source>电话</source>
            <translation>Phone</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="96" />
            <source>（无）</source>
            <translation>(none)</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="99" />
            <source>登记</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="104" />
            <source>名单只在工作窗口显示原文；海报、签到表、导出和同步中的电话均已遮蔽。</source>
            <translation>Details are shown in full only here; phone numbers are masked on posters, sign-in sheets, exports and sync.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="122" />
            <source>不限</source>
            <translation>No limit</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="125" />
            <source>名额 %1，已报名 %2，候补 %3，已签到 %4</source>
            <translation>Places %1, registered %2, waiting %3, checked in %4</translation>
        </message>
    </context>
    <context>
        <name>RequestsPage</name>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="213" />
            <source>登记新申请…</source>
            <extracomment>The service's sort key of each list column (None: computed per row, not sortable in SQL). Opens a written PDF; the system viewer in the app, replaced in tests (the OS is an edge).</extracomment>
            <translation>New request…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="217" />
            <source>按编号、申请人或所需信息查找</source>
            <translation>Find by number, applicant or information sought</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="221" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="222" />
            <source>未办结</source>
            <translation>Open</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="223" />
            <location filename="_extra_sources.py" line="136" />
            <source>待补正</source>
            <translation>Awaiting correction</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="224" />
            <location filename="_extra_sources.py" line="140" />
            <source>已答复</source>
            <translation>Answered</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="225" />
            <location filename="_extra_sources.py" line="142" />
            <source>已归档</source>
            <translation>Archived</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="237" />
            <source>申请办理</source>
            <translation>Requests</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="238" />
            <location filename="../../ui/pages/requests_page.py" line="448" />
            <source>期限提醒</source>
            <translation>Deadlines</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="239" />
            <source>年度报告统计</source>
            <translation>Annual report</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="240" />
            <location filename="../../ui/pages/requests_page.py" line="733" />
            <source>法定期限规则</source>
            <translation>Time-limit rules</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="301" />
            <source>答复期限是怎样算出来的</source>
            <translation>How the deadline was worked out</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="313" />
            <source>办理</source>
            <translation>Actions</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="325" />
            <source>打印</source>
            <translation>Print</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="340" />
            <source>已超期、3个工作日内到期、等待补正和等待第三方意见的申请。双击打开。</source>
            <translation>Requests that are overdue, due within 3 working days, awaiting correction or awaiting a third party. Double-click to open.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="355" />
            <source>年度</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="361" />
            <source>导出 Excel…</source>
            <translation>Export Excel…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="363" />
            <source>导出 PDF…</source>
            <translation>Export PDF…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="391" />
            <source>期限天数取自《中华人民共和国政府信息公开条例》；法规修订或上级另有规定时，由管理员在此更正。</source>
            <translation>Day counts come from the PRC Regulations on Open Government Information; if the law changes or higher authorities rule otherwise, an admin corrects them here.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="400" />
            <source>修改所选规则的天数…</source>
            <translation>Change days…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="439" />
            <source>未办结 %1 件，提醒 %2 条，超期 %3 件</source>
            <translation>%1 open, %2 reminders, %3 overdue</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="446" />
            <source>期限提醒（%1）</source>
            <translation>Deadlines (%1)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="474" />
            <source>补充数据（查阅登记）：现场查阅 %1 人次，打印 %2 次、%3 页，涉及政策文件 %4 件</source>
            <translation>Supplementary figure (reading register): %1 on-site readings, %2 prints (%3 pages), %4 policy documents</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="487" />
            <source>勾稽关系检查：通过</source>
            <translation>Consistency check: passed</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="489" />
            <source>勾稽关系检查：未通过——请核对后再报送</source>
            <translation>Consistency check: failed — check before submitting</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="552" />
            <source>请选择左侧的一件申请</source>
            <translation>Select a request on the left</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="563" />
            <source>申请人：</source>
            <translation>Applicant: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="566" />
            <source>证件号码：</source>
            <translation>ID number: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="566" />
            <source>　电话：</source>
            <translation>   Phone: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="567" />
            <source>地址：</source>
            <translation>Address: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="567" />
            <source>　邮箱：</source>
            <translation>   Email: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="568" />
            <source>提交方式：</source>
            <translation>Channel: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="568" />
            <source>　收到日：</source>
            <translation>   Received: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="569" />
            <source>所需信息：</source>
            <translation>Information sought: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="570" />
            <source>提供形式：</source>
            <translation>Format: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="572" />
            <source>　获取方式：</source>
            <translation>   Delivery: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="574" />
            <source>答复期限：</source>
            <translation>Reply due: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="578" />
            <source>如需补正，应于 %1 前一次性告知（条例第三十条）</source>
            <translation>Any correction request must be sent, all at once, by %1 (art. 30)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="584" />
            <source>补正：</source>
            <translation>Correction: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="591" />
            <source>未结束，第三方应于 </source>
            <translation>open; third party to reply by </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="591" />
            <source> 前答复</source>
            <translation> </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="593" />
            <source>征求意见：</source>
            <translation>Consultation: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="596" />
            <source>延期：</source>
            <translation>Extension: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="601" />
            <source>答复：</source>
            <translation>Reply: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="603" />
            <source>信息处理费：</source>
            <translation>Processing fee: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="612" />
            <source>登记回执</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="612" />
            <source>期限计算说明</source>
            <translation>Deadline sheet</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="674" />
            <source>答复期限自收到补正的申请之日起重新计算（条例第三十条）。</source>
            <translation>The reply deadline restarts from the day the corrected request is received (art. 30).</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="676" />
            <source>收到补正材料</source>
            <translation>Correction received</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="689" />
            <source>收到第三方意见</source>
            <translation>Third-party reply received</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="689" />
            <source>计时自次日恢复。</source>
            <translation>The clock resumes the next day.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="689" />
            <source>意见</source>
            <translation>Opinion</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="733" />
            <source>请先选择一条规则。</source>
            <translation>Select a rule first.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="736" />
            <source>修改天数</source>
            <translation>Change days</translation>
        </message>
        <message>
            <source>已导出</source>
            <translation type="vanished">Exported</translation>
        </message>
        <message>
            <location filename="../../ui/pages/requests_page.py" line="775" />
            <source>导出年度报告统计</source>
            <translation>Export annual-report statistics</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="149" />
            <source>补正申请通知书</source>
            <translation>Correction request</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="150" />
            <source>延期答复告知书</source>
            <translation>Extension notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="151" />
            <source>政府信息公开告知书</source>
            <translation>Disclosure notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="152" />
            <source>政府信息部分公开告知书</source>
            <translation>Partial disclosure notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="153" />
            <source>政府信息不予公开告知书</source>
            <translation>Non-disclosure notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="154" />
            <source>政府信息不存在告知书</source>
            <translation>Information does not exist</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="155" />
            <source>非本机关政府信息告知书</source>
            <translation>Not held by this office</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="156" />
            <source>重复申请告知书</source>
            <translation>Repeat request notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="159" />
            <source>编号</source>
            <translation>No.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="160" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="162" />
            <source>申请人</source>
            <translation>Applicant</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="163" />
            <source>类型</source>
            <translation>Type</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="164" />
            <source>证件号码</source>
            <translation>ID number</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="165" />
            <source>提交方式</source>
            <translation>Channel</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="166" />
            <source>收到日</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="161" />
            <source>答复期限</source>
            <translation>Reply due</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="157" />
            <source>  已超期 %1 个工作日</source>
            <translation>  %1 working day(s) overdue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="158" />
            <source>  还剩 %1 个工作日</source>
            <translation>  %1 working day(s) left</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="167" />
            <source>所需信息</source>
            <translation>Information sought</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="168" />
            <source>答复</source>
            <translation>Reply</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="169" />
            <source>提醒</source>
            <translation>Reminder</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="170" />
            <source>期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="171" />
            <source>依据</source>
            <translation>Basis</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="172" />
            <source>项目</source>
            <translation>Rule</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="173" />
            <source>名称</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="174" />
            <source>工作日</source>
            <translation>Working days</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="175" />
            <source>修改人</source>
            <translation>Changed by</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="278" />
            <source>登记申请</source>
            <translation>Register</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="279" />
            <source>发出补正通知</source>
            <translation>Request correction</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="280" />
            <source>登记补正材料</source>
            <translation>Log correction</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="281" />
            <source>开始办理</source>
            <translation>Start work</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="282" />
            <source>征求第三方意见</source>
            <translation>Consult third party</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="283" />
            <source>登记第三方意见</source>
            <translation>Log third-party reply</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="284" />
            <source>批准延期答复</source>
            <translation>Approve extension</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="285" />
            <source>提交审签</source>
            <translation>Submit for sign-off</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="286" />
            <source>退回重办</source>
            <translation>Send back</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="287" />
            <source>签发答复</source>
            <translation>Issue reply</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="288" />
            <source>归档</source>
            <translation>Archive</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="143" />
            <source>自然人</source>
            <translation>Individuals</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="134" />
            <source>已接收</source>
            <translation>Received</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="135" />
            <source>已登记</source>
            <translation>Registered</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="137" />
            <source>办理中</source>
            <translation>In progress</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="138" />
            <source>征求意见中</source>
            <translation>Consulting</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="139" />
            <source>待审签</source>
            <translation>Awaiting sign-off</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="141" />
            <source>已延期</source>
            <translation>Extended</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="144" />
            <source>商业企业</source>
            <translation>Businesses</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="145" />
            <source>科研机构</source>
            <translation>Research bodies</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="146" />
            <source>社会公益组织</source>
            <translation>Non-profits</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="147" />
            <source>法律服务机构</source>
            <translation>Legal services</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="148" />
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="301" />
            <source>总计</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <location filename="../../ui/notices/review.py" line="50" />
            <source>审核公示</source>
            <translation>Review notice</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="62" />
            <source>关联目录事项</source>
            <translation>Linked catalogue items</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="64" />
            <source>未关联</source>
            <translation>None linked</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="66" />
            <source>目标公开栏</source>
            <translation>Target boards</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="68" />
            <source>未选（定向公开或尚未指定）</source>
            <translation>None (targeted disclosure, or not chosen yet)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="77" />
            <source>审核意见（退回时必填）</source>
            <translation>Comments (required when returning)</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="86" />
            <source>已完成保密审查：涉密信息不公开，公开信息不涉密</source>
            <translation>Confidentiality check done: nothing classified is disclosed, nothing disclosed is classified</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="90" />
            <source>审核通过</source>
            <translation>Approve</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="91" />
            <location filename="../../ui/notices/review.py" line="112" />
            <source>退回修改</source>
            <translation>Return</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="92" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="112" />
            <source>请写明退回理由。</source>
            <translation>Please give a reason for returning it.</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="115" />
            <source>终审</source>
            <translation>Final review</translation>
        </message>
        <message>
            <location filename="../../ui/notices/review.py" line="115" />
            <source>终审通过前须确认已完成保密审查。</source>
            <translation>Confirm the confidentiality check before final approval.</translation>
        </message>
    </context>
    <context>
        <name>Saved</name>
        <message>
            <location filename="_extra_sources.py" line="212" />
            <source>无法打开</source>
            <translation>Cannot open</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="213" />
            <source>已保存到 </source>
            <translation>Saved to </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="214" />
            <source>打开所在文件夹</source>
            <translation>Open containing folder</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="215" />
            <source>这台电脑没有能打开它的程序（或文件管理器）。文件在：</source>
            <translation>No program (or file manager) on this PC can open it. The file is at: </translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <location filename="../../ui/kiosk/search.py" line="45" />
            <source>例：查“低保”，请依次按 D、B。按字母即查，不用打字。</source>
            <translation>Example: for 低保 (dibao) press D, then B. Results appear as you tap.</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="52" />
            <source>✕ 不限领域</source>
            <translation>✕ Any domain</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="85" />
            <source>⌫ 删一个</source>
            <translation>⌫ Back</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="88" />
            <source>✕ 全部清除</source>
            <translation>✕ Clear</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="132" />
            <source>按领域缩小范围：全部领域 ▸ 点此选择</source>
            <translation>Narrow by domain: all domains ▸ tap to choose</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="135" />
            <source>✓ 领域：</source>
            <translation>✓ Domain: </translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="135" />
            <source> ▸ 点此更换</source>
            <translation> ▸ tap to change</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="140" />
            <source>（请按字母）</source>
            <translation>(tap letters)</translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="141" />
            <source>已按：</source>
            <translation>Typed: </translation>
        </message>
        <message>
            <location filename="../../ui/kiosk/search.py" line="150" />
            <source>没有找到。请少按一个字母，或换一个领域。</source>
            <translation>Nothing found. Remove a letter or try another domain.</translation>
        </message>
    </context>
    <context>
        <name>SettingsPage</name>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="51" />
            <source>内置（国务院办公厅通知）</source>
            <extracomment>the site details an administrator edits, in the order shown (labels as in app.sites.FIELD_LABELS)</extracomment>
            <translation>Built-in (State Council notice)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="53" />
            <source>市级平台下发</source>
            <translation>From city platform</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="55" />
            <source>导入：</source>
            <translation>Imported: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="74" />
            <source>、</source>
            <translation>, </translation>
        </message>
        <message>
            <source>站点</source>
            <translation type="vanished">Site</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="82" />
            <source>在用</source>
            <translation>Active</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="84" />
            <source>已停用（不能登录）</source>
            <translation>Deactivated (cannot sign in)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="103" />
            <source>您登录的身份是“%1”，本页只能查看，不能修改。站点信息、偏好设置、节假日和工作人员账号由政务公开专员（管理员）维护；需要修改时，请联系本站点的管理员。</source>
            <translation>You are signed in as "%1": you can read this page but not change it. The site details, preferences, holidays and staff accounts are kept by the disclosure officer (administrator); ask your site's administrator for changes.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="124" />
            <source>站点（触摸屏和打印材料上显示）</source>
            <translation>Site (shown on the kiosk and on printouts)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="127" />
            <source>站点代码</source>
            <translation>Site code</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="130" />
            <source>站点名称</source>
            <translation>Site name</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="131" />
            <source>所属区县</source>
            <translation>District</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="132" />
            <source>专区位置</source>
            <translation>Zone location</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="133" />
            <source>监督电话</source>
            <translation>Complaints phone</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="140" />
            <source>如：便民服务中心一楼政务公开专区</source>
            <translation>e.g. Service centre, ground floor, disclosure zone</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="141" />
            <source>如：0531-88123456</source>
            <translation>e.g. 0531-88123456</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="142" />
            <source>保存站点信息</source>
            <translation>Save site details</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="149" />
            <source>偏好设置</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="153" />
            <source>公示二维码指向的市级平台地址；公示创建时即确定，改动只影响之后创建的公示。</source>
            <translation>City-platform address the notice QR codes point to; fixed when a notice is created, so a change affects only new notices.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="158" />
            <source>市级平台公开页面地址</source>
            <translation>Public page address</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="159" />
            <source>每日提醒时间</source>
            <translation>Daily reminder at</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="160" />
            <source>触摸屏无操作返回首页（秒）</source>
            <translation>Kiosk idle reset (s)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="164" />
            <source>重新启动程序后生效</source>
            <translation>Takes effect after restart</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="165" />
            <source>界面语言（重启后生效）</source>
            <translation>Language (after restart)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="166" />
            <source>保存设置</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="177" />
            <source>法定节假日与调休（工作日计算依据）</source>
            <translation>Public holidays and make-up workdays (for working-day counts)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="191" />
            <source>没有官方数据的年份只按周末计算，结果标为“暂定”。</source>
            <translation>Years without official data count weekends only; results are marked "provisional".</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="194" />
            <source>导入节假日文件…</source>
            <translation>Import holidays…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="200" />
            <source>工作人员</source>
            <translation>Staff</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="212" />
            <source>新增工作人员…</source>
            <translation>Add staff member…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="213" />
            <source>重设密码…</source>
            <translation>Reset password…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="214" />
            <location filename="../../ui/pages/settings_page.py" line="287" />
            <source>停用账号…</source>
            <translation>Deactivate account…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="287" />
            <source>重新启用账号…</source>
            <translation>Reactivate account…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="316" />
            <source>重新启用账号</source>
            <translation>Reactivate account</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="317" />
            <source>重新启用后，“%1”可以用原来的密码登录。要重新启用吗？</source>
            <translation>After reactivation "%1" can sign in with their old password. Reactivate?</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="321" />
            <source>停用账号</source>
            <translation>Deactivate account</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="322" />
            <source>停用后，“%1”不能再登录；他办过的记录都会保留，以后可以重新启用。要停用吗？</source>
            <translation>After deactivation "%1" cannot sign in; everything they did is kept, and the account can be reactivated later. Deactivate?</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="373" />
            <source>替换已有的节假日数据？</source>
            <translation>Replace the holiday data you have?</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="375" />
            <source>文件中 %1 年的安排与本机现有的数据不同。</source>
            <translation>The file's schedule for %1 differs from the data on this PC.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="379" />
            <source>替换后，这些年份的期限按文件中的安排计算。请先点“显示详情”逐日核对差异，确认无误再替换。</source>
            <translation>After replacing, deadlines in these years follow the file's schedule. Click "Show Details" to check the differences day by day before replacing.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="382" />
            <source>替换</source>
            <translation>Replace</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="383" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>设置</source>
            <translation type="vanished">Settings</translation>
        </message>
        <message>
            <source>设置已保存。</source>
            <translation type="vanished">Settings saved.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="348" />
            <source>导入节假日文件</source>
            <translation>Import holiday file</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="348" />
            <source>节假日文件 (*.json *.csv *.ics)</source>
            <translation>Holiday files (*.json *.csv *.ics)</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="366" />
            <source>与现有数据相同、未改动：</source>
            <translation>Same as before, unchanged: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="367" />
            <source>导入完成</source>
            <translation>Import complete</translation>
        </message>
        <message>
            <location filename="../../ui/pages/settings_page.py" line="364" />
            <source>已导入年份：</source>
            <translation>Years imported: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="176" />
            <source>窗口工作人员</source>
            <translation>Counter clerk</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="177" />
            <source>初审</source>
            <translation>First review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="178" />
            <source>复审</source>
            <translation>Second review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="179" />
            <source>终审</source>
            <translation>Final review</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="180" />
            <source>政务公开专员（管理员）</source>
            <translation>Disclosure admin</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="181" />
            <source>年份</source>
            <translation>Year</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="182" />
            <source>假日天数</source>
            <translation>Holidays</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="183" />
            <source>调休上班天数</source>
            <translation>Make-up workdays</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="184" />
            <source>来源</source>
            <translation>Source</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="185" />
            <source>用户名</source>
            <translation>Username</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="186" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="187" />
            <source>角色</source>
            <translation>Roles</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="188" />
            <source>状态</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="65" />
            <source>登录 — 公开专区工作台</source>
            <translation>Sign in — Gongkai</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="65" />
            <source>切换用户 — 公开专区工作台</source>
            <translation>Switch user — Disclosure Zone Desk</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="72" />
            <source>已退出登录。请选择用户并输入密码；点“退出程序”关闭工作台。</source>
            <translation>Signed out. Choose a user and enter the password; click "Quit" to close the program.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="81" />
            <source>用户名</source>
            <translation>Username</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="84" />
            <source>密码</source>
            <translation>Password</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="94" />
            <source>登录</source>
            <translation>Sign in</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="97" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="97" />
            <source>退出程序</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="146" />
            <source>用户名或密码错误，请重试。</source>
            <translation>Wrong username or password. Please try again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="166" />
            <source>可以重新登录了。</source>
            <translation>You can sign in again.</translation>
        </message>
        <message>
            <location filename="../../ui/dialogs/sign_in.py" line="173" />
            <source>登录失败次数过多，为保护账号，请 %1后再试。</source>
            <translation>Too many failed sign-ins; to protect the account, try again in %1.</translation>
        </message>
    </context>
    <context>
        <name>StaffDialogs</name>
        <message>
            <location filename="_extra_sources.py" line="216" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="217" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="218" />
            <source>密码（至少 6 位）</source>
            <translation>Password (at least 6 characters)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="219" />
            <source>再输入一次密码</source>
            <translation>Repeat the password</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="220" />
            <source>正在保存…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="221" />
            <source>新增工作人员</source>
            <translation>Add staff member</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="222" />
            <source>登录时输入的名字，如 zhangsan</source>
            <translation>The name typed at sign-in, e.g. zhangsan</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="223" />
            <source>如：张三</source>
            <translation>e.g. Zhang San</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="224" />
            <source>用户名</source>
            <translation>User name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="225" />
            <source>姓名</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="226" />
            <source>角色（可多选）</source>
            <translation>Roles (one or more)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="227" />
            <source>新同事用这里的用户名和密码登录；请当面告诉他密码，并提醒他不要告诉别人。</source>
            <translation>The new colleague signs in with this user name and password; tell them the password in person and remind them not to share it.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="228" />
            <source>重设密码</source>
            <translation>Reset password</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="229" />
            <source>两次输入的密码不一样，请重新输入。</source>
            <translation>The two passwords differ; please type them again.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="230" />
            <source>为“%1”设置新密码。原来的密码从此不能再用。</source>
            <translation>Set a new password for "%1". The old password stops working.</translation>
        </message>
    </context>
    <context>
        <name>SyncPage</name>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="118" />
            <location filename="../../ui/pages/sync_page.py" line="308" />
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="137" />
            <source>另一台工作站先修改了这些记录。两个版本都已保留，请核对后选择保留哪一个；系统不会自动覆盖任何一方。</source>
            <translation>Another workstation changed these records first. Both versions are kept; check them and choose which to keep. Neither is overwritten automatically.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="153" />
            <source>保留本机版本</source>
            <translation>Keep mine</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="154" />
            <source>采用平台版本</source>
            <translation>Use platform's</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="169" />
            <source>市级平台拒收了这些变更（之后的变更不受影响）。请按原因在对应页面改正后重新保存。</source>
            <translation>The city platform rejected these changes (later changes are not affected). Fix them on the relevant page as the reason says, then save again.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="178" />
            <source>市级平台设置</source>
            <translation>City platform</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="184" />
            <source>保存设置</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="186" />
            <source>平台地址</source>
            <translation>Platform address</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="187" />
            <source>设备令牌</source>
            <translation>Device token</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="193" />
            <source>只有管理员可以修改平台设置。</source>
            <translation>Only an admin can change the platform settings.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/sync_page.py" line="247" />
            <source>待同步（%n）</source>
            <translation>
                <numerusform>Queued (%n)</numerusform>
                <numerusform>Queued (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/sync_page.py" line="248" />
            <source>冲突（%n）</source>
            <translation>
                <numerusform>Conflicts (%n)</numerusform>
                <numerusform>Conflicts (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/sync_page.py" line="249" />
            <source>平台拒收（%n）</source>
            <translation>
                <numerusform>Rejected (%n)</numerusform>
                <numerusform>Rejected (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="255" />
            <source>尚未设置市级平台。请在下方填写平台地址和本站点的设备令牌。</source>
            <translation>No city platform is set up. Enter the platform address and this site's device token below.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="257" />
            <source>从未</source>
            <translation>never</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="258" />
            <source>上次成功同步：</source>
            <translation>Last successful sync: </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/sync_page.py" line="258" />
            <source>待同步：%n 条</source>
            <translation>
                <numerusform>Queued: %n item</numerusform>
                <numerusform>Queued: %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ui/pages/sync_page.py" line="261" />
            <source>（最早一条已等待 %n 小时）</source>
            <translation>
                <numerusform> (oldest waiting %n hour)</numerusform>
                <numerusform> (oldest waiting %n hours)</numerusform>
            </translation>
        </message>
        <message>
            <source>同步</source>
            <translation type="vanished">Sync</translation>
        </message>
        <message>
            <source>平台设置已保存。</source>
            <translation type="vanished">Platform settings saved.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/sync_page.py" line="308" />
            <source>正在同步…</source>
            <translation>Syncing…</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="189" />
            <source>公示公告</source>
            <translation>Notice</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="190" />
            <source>活动</source>
            <translation>Event</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="191" />
            <source>依申请公开</source>
            <translation>Request</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="192" />
            <source>目录事项</source>
            <translation>Catalogue item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="193" />
            <source>目录公开记录</source>
            <translation>Disclosure record</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="195" />
            <source>工作人员账号</source>
            <translation>Staff account</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="196" />
            <source>站点设置</source>
            <translation>Site setting</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="194" />
            <source>公示栏张贴</source>
            <translation>Posting</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="197" />
            <source>两个版本内容相同。</source>
            <translation>Both versions are identical.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="198" />
            <source>平台上的版本尚未下载，下次同步后显示。</source>
            <translation>The platform version has not been downloaded yet; it appears after the next sync.</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="199" />
            <source>新增或修改</source>
            <translation>Add or change</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="200" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="201" />
            <source>本机：</source>
            <translation>Mine: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="202" />
            <source>平台：</source>
            <translation>Platform: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="203" />
            <source>类别</source>
            <translation>Kind</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="204" />
            <source>内容</source>
            <translation>Content</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="205" />
            <source>操作</source>
            <translation>Action</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="206" />
            <source>记录时间</source>
            <translation>Recorded</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="207" />
            <source>尝试次数</source>
            <translation>Attempts</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="208" />
            <source>最近问题</source>
            <translation>Last problem</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="209" />
            <source>发现时间</source>
            <translation>Found at</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="210" />
            <source>平台拒收原因</source>
            <translation>Rejection reason</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="211" />
            <source>时间</source>
            <translation>Time</translation>
        </message>
    </context>
    <context>
        <name>SyncWorker</name>
        <message>
            <location filename="_extra_sources.py" line="243" />
            <source>同步：未配置</source>
            <translation>Sync: not set up</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="244" />
            <source>同步：正在同步…</source>
            <translation>Sync: syncing…</translation>
        </message>
        <message numerus="yes">
            <location filename="_extra_sources.py" line="245" />
            <source>待同步 %n 条</source>
            <translation>
                <numerusform>%n queued</numerusform>
                <numerusform>%n queued</numerusform>
            </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="246" />
            <source>同步：尚未成功同步</source>
            <translation>Sync: never succeeded</translation>
        </message>
        <message numerus="yes">
            <location filename="_extra_sources.py" line="247" />
            <source>冲突 %n 条</source>
            <translation>
                <numerusform>%n conflict</numerusform>
                <numerusform>%n conflicts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="_extra_sources.py" line="248" />
            <source>拒收 %n 条</source>
            <translation>
                <numerusform>%n rejected</numerusform>
                <numerusform>%n rejected</numerusform>
            </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="249" />
            <source>有问题，详见“同步”页</source>
            <translation>problems, see the Sync page</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="250" />
            <source>同步：上次成功 </source>
            <translation>Sync: last OK </translation>
        </message>
    </context>
    <context>
        <name>SynonymDialog</name>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="85" />
            <source>同义词表</source>
            <translation>Synonyms</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="90" />
            <source>搜索时输入左边的简称或俗称，也能找到写着右边全称的事项。例如输入“低保”可以找到“最低生活保障”。双击单元格可修改。</source>
            <translation>Searching for an abbreviation or common name on the left also finds items written with the full name on the right: searching “低保” finds “最低生活保障”. Double-click a cell to edit it.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="97" />
            <source>在同义词中查找</source>
            <translation>Search synonyms</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="116" />
            <source>简称，如：低保</source>
            <translation>Abbreviation, e.g. 低保</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="118" />
            <source>全称，如：最低生活保障</source>
            <translation>Full name, e.g. 最低生活保障</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="52" />
            <source>活动类型同义词</source>
            <translation>Event type synonyms</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="57" />
            <source>导入其他单位的日历文件时，活动的分类（CATEGORIES）写法各不相同。左边的写法会按右边的活动类型导入；表中没有的写法按“其他活动”导入，并在导入结果中提示。</source>
            <translation>Calendar files from other offices spell event categories (CATEGORIES) differently. A spelling on the left is imported as the event type on the right; spellings not in the table are imported as "Other event" and the import result says so.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="63" />
            <source>只有管理员可以修改此表；如需增加写法，请联系本站点管理员。</source>
            <translation>Only an administrator can change this table; ask your site's administrator to add a spelling.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="71" />
            <source>日历文件中的写法</source>
            <translation>Spelling in calendar files</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="72" />
            <source>导入为活动类型</source>
            <translation>Imported as event type</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="88" />
            <source>写法，如：开放日活动</source>
            <translation>Spelling, e.g. 开放日活动</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="92" />
            <location filename="../../ui/catalogue/admin.py" line="119" />
            <source>添加</source>
            <translation>Add</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="93" />
            <source>修改所选</source>
            <translation>Change selected</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="94" />
            <location filename="../../ui/catalogue/admin.py" line="120" />
            <source>删除所选</source>
            <translation>Delete selected</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="115" />
            <location filename="../../ui/catalogue/admin.py" line="136" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="116" />
            <location filename="../../ui/catalogue/admin.py" line="137" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="120" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="155" />
            <source>请填写日历文件中的写法。</source>
            <translation>Please enter the spelling used in calendar files.</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="159" />
            <source>表中已有这个写法；要改它对应的类型，请选中它后点“修改所选”。</source>
            <translation>This spelling is already in the table; to change its type, select it and click "Change selected".</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/synonyms.py" line="204" />
            <source>正在保存…</source>
            <translation>Saving…</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="161" />
            <source>简称和全称都要填写。</source>
            <translation>Enter both the abbreviation and the full name.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="164" />
            <source>简称和全称不能相同。</source>
            <translation>The abbreviation and the full name must differ.</translation>
        </message>
        <message>
            <location filename="../../ui/catalogue/admin.py" line="167" />
            <source>表中已有这一对同义词。</source>
            <translation>This pair is already in the table.</translation>
        </message>
    </context>
    <context>
        <name>TargetChart</name>
        <message>
            <location filename="../../ui/calendar/chart.py" line="44" />
            <source>尚未设置本年度目标</source>
            <translation>No targets set for this year</translation>
        </message>
    </context>
    <context>
        <name>TargetsDialog</name>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="300" />
            <source>%1 年度活动目标</source>
            <translation>%1 event targets</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="310" />
            <source>新的活动类型名称，如：政策评价座谈</source>
            <translation>New event type, e.g. policy evaluation forum</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="311" />
            <source>新增类型</source>
            <translation>Add type</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="319" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="320" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../ui/calendar/dialogs.py" line="329" />
            <source>不设目标</source>
            <translation>No target</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <location filename="../../ui/pages/today_page.py" line="77" />
            <source>知道了</source>
            <translation>Got it</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="112" />
            <source>双击或按回车键打开该事项所在页面。</source>
            <translation>Double-click or press Enter to open the page where the item is handled.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="116" />
            <source>打印今日任务单…</source>
            <translation>Print today's task list…</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="118" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="123" />
            <source>今日工作</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="125" />
            <source>月度自评</source>
            <translation>Monthly self-assessment</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="159" />
            <source>%1　%2</source>
            <translation>%1   %2</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="228" />
            <source>提醒：</source>
            <translation>Reminder: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="230" />
            <source>最急的一件：</source>
            <translation>Most urgent: </translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="232" />
            <source>。详见下表。</source>
            <translation>. See the table below.</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="261" />
            <source>保存今日任务单</source>
            <translation>Save today's task list</translation>
        </message>
        <message>
            <location filename="../../ui/pages/today_page.py" line="261" />
            <source>PDF 文件 (*.pdf)</source>
            <translation>PDF files (*.pdf)</translation>
        </message>
        <message>
            <source>任务单</source>
            <translation type="vanished">Task list</translation>
        </message>
        <message>
            <source>已保存，可打印：</source>
            <translation type="vanished">Saved, ready to print: </translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="266" />
            <source>已逾期</source>
            <translation>Overdue</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="267" />
            <source>今天到期</source>
            <translation>Due today</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="268" />
            <source>3个工作日内</source>
            <translation>Within 3 working days</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="269" />
            <source>今天和本周的活动</source>
            <translation>Events today and this week</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="270" />
            <source>同步</source>
            <translation>Sync</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="271" />
            <source>其他提醒</source>
            <translation>Other reminders</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="272" />
            <source>（暂定）</source>
            <translation> (provisional)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="273" />
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="274" />
            <source>事项</source>
            <translation>Item</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="275" />
            <source>为什么在这里（规则和日期）</source>
            <translation>Why it is here (rule and dates)</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="276" />
            <source>期限</source>
            <translation>Deadline</translation>
        </message>
        <message>
            <location filename="_extra_sources.py" line="277" />
            <source>在哪办理</source>
            <translation>Handled in</translation>
        </message>
    </context>
    <context>
        <name>_PasswordDialog</name>
        <message>
            <source>确定</source>
            <translation type="obsolete">OK</translation>
        </message>
        <message>
            <source>取消</source>
            <translation type="obsolete">Cancel</translation>
        </message>
    </context>
    <context>
        <name>dialog</name>
        <message>
            <source>取消</source>
            <translation type="obsolete">Cancel</translation>
        </message>
    </context>
</TS>
