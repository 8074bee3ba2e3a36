<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="22"/>
        <source>Shift handover record</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="22"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="22"/>
        <source>Outgoing lead</source>
        <translation>交班值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="23"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="30"/>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="43"/>
        <source>Questions</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="43"/>
        <source>Addenda</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="44"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/document.py" line="45"/>
        <source>Early sign-outs</source>
        <translation>提前签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="48"/>
        <source>Wrong password: the handover is not confirmed (this was recorded).</source>
        <translation>密码错误：交接未确认（已记录）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="49"/>
        <source>The record is submitted or confirmed: it cannot be changed; add an addendum.</source>
        <translation>记录已提交或已确认，不能修改；请添加补充说明。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="50"/>
        <source>You cannot confirm your own record: the incoming lead confirms it.</source>
        <translation>不能确认自己的记录：由接班值班长确认。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="51"/>
        <source>The record is still a draft: the outgoing lead has not submitted it.</source>
        <translation>记录仍是草稿：交班值班长尚未提交。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="52"/>
        <source>No such record on this desk (yet).</source>
        <translation>本机（尚）无此记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="53"/>
        <source>Write something first.</source>
        <translation>请先填写内容。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="54"/>
        <source>Choose the kind of event.</source>
        <translation>请选择事件类别。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="55"/>
        <source>Unknown report kind.</source>
        <translation>未知的上报类别。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="111"/>
        <source>Already confirmed by %1 at %2.</source>
        <translation>已由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="116"/>
        <source>The store could not be written; nothing changed. Try again.</source>
        <translation>无法写入本地库，未做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="182"/>
        <source>You cannot sign out yet: nobody of the incoming shift (%1) has signed in. A lead may sign out anyway with a reason on the Handover tab.</source>
        <translation>暂不能签出：接班班次（%1）尚无人签入。值班长可在“交接班”页填写原因后强制签出。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="217"/>
        <source>%1 %2–%3 (team %4), ends in %5 min; next: %6</source>
        <translation>%1 %2–%3（%4），%5 分钟后结束；下一班：%6</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="232"/>
        <source>The shift ends in %1 minutes: prepare the handover record.</source>
        <translation>本班 %1 分钟后结束：请准备交接班记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="275"/>
        <source>Record %1: %2</source>
        <translation>记录 %1：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="276"/>
        <location filename="../../callcenter/ui/handover/texts.py" line="56"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="276"/>
        <location filename="../../callcenter/ui/handover/texts.py" line="56"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="277"/>
        <location filename="../../callcenter/ui/handover/texts.py" line="57"/>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="289"/>
        <source>Submitted: the incoming lead can confirm it.</source>
        <translation>已提交：接班值班长可以确认。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="289"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="310"/>
        <source>(%1 left)</source>
        <translation>（剩余 %1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="337"/>
        <source>Marked.</source>
        <translation>已标记。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="347"/>
        <source>Choose the event that was reported.</source>
        <translation>请选择已上报的事件。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="361"/>
        <source>Summary sent to the lead.</source>
        <translation>小结已发送给值班长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="27"/>
        <source>Present</source>
        <translation>到岗</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="27"/>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="27"/>
        <source>Absent</source>
        <translation>缺勤</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="84"/>
        <source>Confirmed by %1 at %2.</source>
        <translation>由 %1 于 %2 确认。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="94"/>
        <source>%1 items checked, %2 questions</source>
        <translation>已核对 %1 项，问题 %2 个</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="118"/>
        <source>Write the question first.</source>
        <translation>请先填写问题。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="132"/>
        <source>Confirmed. Assign the overdue chase and brief the team.</source>
        <translation>已确认。请指定超期工单催办人并向班组交代工作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="138"/>
        <source>Addenda are for confirmed records; before that, ask a question.</source>
        <translation>补充说明用于已确认的记录；确认前请提问。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="182"/>
        <source>Confirm the record before assigning the chase.</source>
        <translation>请先确认记录，再指定催办人。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="186"/>
        <source>The chase goes to %1.</source>
        <translation>超期工单由 %1 催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="209"/>
        <source>%1 records</source>
        <translation>共 %1 条记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="220"/>
        <location filename="../../callcenter/ui/handover/incoming.py" line="234"/>
        <source>Choose a record first.</source>
        <translation>请先选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="237"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/incoming.py" line="248"/>
        <source>Written: %1</source>
        <translation>已写入：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="22"/>
        <source>1. Unfinished tickets</source>
        <translation>一、未办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="23"/>
        <source>2. Urge, supervise, call back; overdue</source>
        <translation>二、需催办、督办、回访及超期工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="24"/>
        <source>3. Major, typical, media-sensitive and emergency events</source>
        <translation>三、重大、典型、媒体敏感及突发事件</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="25"/>
        <source>4. Planned, temporary and fault outages</source>
        <translation>四、计划、临时及故障停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="26"/>
        <source>5. Abnormal weather</source>
        <translation>五、异常天气</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="27"/>
        <source>6. Desks and equipment</source>
        <translation>六、坐席系统及办公设备状况</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="28"/>
        <source>7. Other (agents&apos; summaries)</source>
        <translation>七、其他（坐席小结）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="33"/>
        <source>Inquiry</source>
        <translation>咨询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="33"/>
        <source>Repair</source>
        <translation>报修</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="33"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="34"/>
        <source>Report</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="34"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="38"/>
        <source>accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="38"/>
        <source>dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="39"/>
        <source>in progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="39"/>
        <source>replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="43"/>
        <source>Planned outage</source>
        <translation>计划停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="43"/>
        <source>Temporary outage</source>
        <translation>临时停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="44"/>
        <source>Fault outage</source>
        <translation>故障停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="44"/>
        <source>Over-capacity outage</source>
        <translation>超容量停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="45"/>
        <source>announced</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="45"/>
        <source>outage in progress</source>
        <translation>停电中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="46"/>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="51"/>
        <source>Major</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="51"/>
        <source>Typical</source>
        <translation>典型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="51"/>
        <source>Media-sensitive</source>
        <translation>媒体敏感</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="52"/>
        <source>Emergency</source>
        <translation>突发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="61"/>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="61"/>
        <source>due next shift</source>
        <translation>下一班到期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="62"/>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="62"/>
        <source>urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="63"/>
        <source>callback due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="75"/>
        <source>deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="86"/>
        <source>reported in time</source>
        <translation>已按时上报</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="86"/>
        <source>reported late</source>
        <translation>上报超时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="87"/>
        <source>to report within the hour</source>
        <translation>须1小时内上报</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="88"/>
        <source>1-hour report overdue</source>
        <translation>1小时上报已超时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="100"/>
        <source>Sync queue: %1 pending</source>
        <translation>同步队列：%1 条待上传</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="102"/>
        <source>Ran offline %1–%2 (%3 changes waited)</source>
        <translation>%1–%2 离线运行（%3 条变更等待上传）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="106"/>
        <source>Back-filled ticket %1 by %2</source>
        <translation>补录工单 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/texts.py" line="108"/>
        <source>Telephony fault: %1</source>
        <translation>话务故障：%1</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="72"/>
        <source>Add a user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="87"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="92"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="93"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="94"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="95"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="96"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="97"/>
        <source>Initial password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="98"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="99"/>
        <source>The user chooses their own password at the first sign-in.</source>
        <translation>用户首次签入时须自行设置新密码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="104"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>AgentView</name>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="29"/>
        <source>Mark an event of this shift</source>
        <translation>标记本班事件</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="38"/>
        <source>No 1-hour report</source>
        <translation>无需1小时上报</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="45"/>
        <source>What happened</source>
        <translation>事件内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="46"/>
        <source>Mark</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="54"/>
        <source>Reported to the province</source>
        <translation>已上报省公司</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="57"/>
        <source>My shift summary (goes to the lead&apos;s record)</source>
        <translation>我的当班小结（进入值班长的交接记录）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="62"/>
        <source>Send the summary</source>
        <translation>发送小结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/agent_view.py" line="65"/>
        <source>Overdue tickets I chase</source>
        <translation>我负责催办的超期工单</translation>
    </message>
</context>
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="59"/>
        <source>Alerts for the shift lead</source>
        <translation>值班长提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="87"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="179"/>
        <source>Repeat complaint, earlier ticket not resolved: %1</source>
        <translation>重复投诉，原工单尚未解决：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="183"/>
        <source>Reported by %1 at %2</source>
        <translation>报告人 %1，时间 %2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="198"/>
        <source>⚠ Open alerts: %1</source>
        <translation>⚠ 待处理提醒：%1 条</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="199"/>
        <source>No open alerts.</source>
        <translation>暂无待处理提醒。</translation>
    </message>
</context>
<context>
    <name>AuthFeature</name>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="92"/>
        <source>Sign-in failed: the store could not be read. Try again.</source>
        <translation>签入失败：无法读取本地数据，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="125"/>
        <source>The password could not be saved. Try again.</source>
        <translation>密码未能保存，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="147"/>
        <source>Already signed in.</source>
        <translation>已签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="161"/>
        <source>Signed in as %1 (%2).</source>
        <translation>已签入：%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="181"/>
        <source>Finish the call and the ticket before signing out.</source>
        <translation>请先结束通话并完成工单，再签出。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/integration.py" line="223"/>
        <source>Try again.</source>
        <translation>请重试。</translation>
    </message>
</context>
<context>
    <name>BackfillDialog</name>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="62"/>
        <source>Back-fill a ticket</source>
        <translation>补录工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="70"/>
        <source>For a call taken while the system was down. Enter the real call time (local time, {zone}) and the caller&apos;s number.</source>
        <translation>用于系统故障期间受理的来电。请填写真实来电时间（当地时间，{zone}）和来电号码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="102"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="106"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="158"/>
        <source>Discard back-fill</source>
        <translation>放弃补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/backfill_dialog.py" line="159"/>
        <source>Close without saving? What you typed for this call will be lost.</source>
        <translation>不保存就关闭吗？本次填写的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>BoardFeature</name>
    <message>
        <location filename="../../callcenter/ui/board/integration.py" line="88"/>
        <source>Lead board</source>
        <translation>班长看板</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/integration.py" line="90"/>
        <source>No central configured: live states are not available</source>
        <translation>未配置中心库：实时状态不可用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/integration.py" line="94"/>
        <source>Connecting to central…</source>
        <translation>正在连接中心库…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/board/integration.py" line="125"/>
        <source>Live: %n desk(s)</source>
        <translation>
            <numerusform>实时：%n 个席位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/integration.py" line="130"/>
        <source>Central unreachable; retrying (%1)</source>
        <translation>中心库无法连接，正在重试（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/integration.py" line="179"/>
        <source>The figures could not be read; try Refresh.</source>
        <translation>指标读取失败，请点击“刷新”重试。</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="71"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="71"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="71"/>
        <source>Last 24 hours</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="72"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="72"/>
        <source>Dates…</source>
        <translation>自选日期…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="81"/>
        <source>All teams</source>
        <translation>全部班组</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="87"/>
        <source>Agent ID (all)</source>
        <translation>工号（全部）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="89"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="92"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="93"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="102"/>
        <source>Agent states</source>
        <translation>坐席状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/board/view.py" line="110"/>
        <source>Time in state from the desk&apos;s own record; a desk silent for over %n s shows as unknown</source>
        <translation>
            <numerusform>本状态时长取自席位自身记录；超过 %n 秒无消息的席位显示为未知</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="119"/>
        <source>Tickets overdue or near their deadline</source>
        <translation>超时及临近时限的工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="128"/>
        <source>Offered / answered</source>
        <translation>呼入 / 接通</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="129"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="130"/>
        <source>Average talk</source>
        <translation>平均通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="131"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="132"/>
        <source>AHT</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="133"/>
        <source>Returned to queue</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="135"/>
        <source>Overdue / near deadline</source>
        <translation>超时 / 临近时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="136"/>
        <source>open tickets past their deadline / due within %1 h</source>
        <translation>已超过时限的未结工单 / %1 小时内到期的未结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="138"/>
        <source>Callbacks due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="139"/>
        <source>callback tasks pending past their due time</source>
        <translation>已到回访时间仍未回访的任务</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="144"/>
        <source>Calls per hour</source>
        <translation>每小时话务量</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="145"/>
        <source>calls</source>
        <translation>通</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="146"/>
        <source>Service level per hour</source>
        <translation>每小时服务水平</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="148"/>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="149"/>
        <source>Tickets per hour by category</source>
        <translation>每小时各类工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="150"/>
        <source>tickets</source>
        <translation>张</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="172"/>
        <source>offered = answered + back-filled + returned to queue + abandoned</source>
        <translation>呼入 = 接通 + 补录 + 退回队列 + 振铃中放弃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="173"/>
        <source>service level = calls answered within the ring limit (%1 rings) / offered</source>
        <translation>服务水平 = 振铃 %1 声内接通的来电 / 呼入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="175"/>
        <source>average talk = Σ(hang-up − answer) / answered calls; target %1 s</source>
        <translation>平均通话 = Σ(挂机 − 接通) / 接通来电；目标 %1 秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="177"/>
        <source>wrap-up = Σ(ready or dispatch − hang-up) / calls; on time: ≤ %1 s</source>
        <translation>话后处理 = Σ(置闲或下发 − 挂机) / 来电；及时：≤ %1 秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="179"/>
        <source>AHT = Σ(net talk + hold + wrap-up) / answered calls</source>
        <translation>平均处理时长 = Σ(净通话 + 保持 + 话后处理) / 接通来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="180"/>
        <source>returned to queue = calls nobody answered before the ring timeout</source>
        <translation>退回队列 = 振铃超时无人接听的来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="181"/>
        <source>tickets created per site-local hour, by category</source>
        <translation>按类别统计每小时（本地时间）新建工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="204"/>
        <source>An agent ID is digits only: %1</source>
        <translation>工号只能是数字：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="210"/>
        <source>The last day is before the first</source>
        <translation>结束日期早于开始日期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="220"/>
        <source>below target %1 %</source>
        <translation>低于目标 %1 %</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="220"/>
        <source>target %1 %</source>
        <translation>目标 %1 %</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="224"/>
        <source>over target %1 s</source>
        <translation>超过目标 %1 秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="224"/>
        <source>target %1 s</source>
        <translation>目标 %1 秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="227"/>
        <source>%1 on time (≤ %2 s)</source>
        <translation>及时率 %1（≤ %2 秒）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="230"/>
        <source>hold %1</source>
        <translation>保持 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="232"/>
        <source>abandoned %1</source>
        <translation>放弃 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="234"/>
        <location filename="../../callcenter/ui/board/view.py" line="253"/>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="238"/>
        <source>offered</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="239"/>
        <source>answered</source>
        <translation>接通</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="240"/>
        <source>returned</source>
        <translation>退回队列</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="241"/>
        <source>service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="247"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="247"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="247"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="248"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="248"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/view.py" line="253"/>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
</context>
<context>
    <name>CalibrationFeature</name>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_feature.py" line="49"/>
        <source>QA calibration</source>
        <translation>质检校准</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_feature.py" line="76"/>
        <location filename="../../callcenter/ui/qa/calibration_feature.py" line="102"/>
        <source>Could not read: %1</source>
        <translation>读取失败：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_feature.py" line="99"/>
        <source>Calibration is blind: score this call for calibration yourself first (QA workspace, &quot;Score blind for calibration&quot;); then the spread shows.</source>
        <translation>校准为盲评：请先在质检工作台用“盲评校准”为此通话评分，之后才显示差异。</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="63"/>
        <source>Calls scored blind by several reviewers</source>
        <translation>多名质检员盲评过的通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="64"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="70"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="70"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="70"/>
        <source>Caller</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="70"/>
        <source>Reviewers</source>
        <translation>评分人数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="71"/>
        <source>You scored it</source>
        <translation>本人已评</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="77"/>
        <source>Choose a call to see how far apart its reviewers are.</source>
        <translation>选择一个通话，查看各质检员评分的差异。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="82"/>
        <source>Reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="82"/>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="82"/>
        <source>Against the mean</source>
        <translation>与平均分之差</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="83"/>
        <source>Mean distance per question</source>
        <translation>各题平均偏差</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="104"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="104"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="108"/>
        <source>No call has calibration scorings yet: score a call blind for calibration in the QA workspace.</source>
        <translation>尚无校准评分：请在质检工作台对通话进行盲评校准。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="126"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="140"/>
        <source>No calibration scorings of this call.</source>
        <translation>此通话没有校准评分。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="143"/>
        <source>%1 reviewers · mean score %2 · questions marked ⚠ were answered far apart (spread ≥ %3)</source>
        <translation>%1 名质检员 · 平均分 %2 · 标 ⚠ 的题目评分差异大（极差 ≥ %3）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="155"/>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="155"/>
        <source>Spread</source>
        <translation>极差</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="155"/>
        <source>Std dev</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calibration_view.py" line="164"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>CallbackFeature</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="58"/>
        <source>Callbacks due: %1</source>
        <translation>待回访：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="60"/>
        <source>(⚠ %1 overdue)</source>
        <translation>（⚠ 超期%1条）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="85"/>
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>CallbackQueueModel</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="69"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="69"/>
        <source>Due</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="69"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="70"/>
        <source>Attempts</source>
        <translation>外呼次数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="70"/>
        <source>Assigned to</source>
        <translation>回访坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="70"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="71"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="71"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="73"/>
        <source>Waiting</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="73"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="74"/>
        <source>Not satisfied (reopened)</source>
        <translation>不满意（已重新下发）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="75"/>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="75"/>
        <source>Handled elsewhere</source>
        <translation>已在他处处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="77"/>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="78"/>
        <source>Retry at %1</source>
        <translation>预约%1重拨</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="79"/>
        <source>(free)</source>
        <translation>（未领取）</translation>
    </message>
</context>
<context>
    <name>CallbackQueueView</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="102"/>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="220"/>
        <source>Sign in to take and record callbacks.</source>
        <translation>请先签入，再领取和记录回访。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="128"/>
        <source>Open callbacks</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="129"/>
        <source>Mine</source>
        <translation>我的回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="130"/>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="131"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="134"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="147"/>
        <source>Ta&amp;ke</source>
        <translation>领取(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="149"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="152"/>
        <source>&amp;Assign</source>
        <translation>指派(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="162"/>
        <source>Note (required when not satisfied)</source>
        <translation>回访备注（不满意时必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="165"/>
        <source>&amp;Dial</source>
        <translation>拨号(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="168"/>
        <source>Reached, &amp;satisfied</source>
        <translation>已联系：满意(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="170"/>
        <source>Reached, &amp;not satisfied</source>
        <translation>已联系：不满意(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="173"/>
        <source>Not &amp;reached, retry at</source>
        <translation>未联系上，预约重拨(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="188"/>
        <source>Opening (say it first):</source>
        <translation>外拨开场白（先说）：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="190"/>
        <source>Department reply and earlier attempts:</source>
        <translation>部门回复与历次回访：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="250"/>
        <source>Dial the customer (Ctrl+D) before recording the result.</source>
        <translation>请先拨号联系客户（Ctrl+D），再记录回访结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="252"/>
        <source>Take the callback first (Ctrl+K), then dial the customer.</source>
        <translation>请先领取此回访任务（Ctrl+K），再拨号联系客户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="267"/>
        <source>callback of %1</source>
        <translation>工单 %1 的回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="312"/>
        <source>Could not load the callback queue: %1</source>
        <translation>无法读取回访队列：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="324"/>
        <source>%1 callbacks</source>
        <translation>共%1条回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="326"/>
        <source>(first %1 shown)</source>
        <translation>（显示前%1条）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="352"/>
        <source>Could not open the callback: %1</source>
        <translation>无法打开回访任务：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="411"/>
        <source>Dialled %1 at %2</source>
        <translation>已于 %2 拨打 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="52"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="53"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="54"/>
        <source>Departed</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="55"/>
        <source>Arrived</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="56"/>
        <source>Power restored</source>
        <translation>恢复送电时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="57"/>
        <source>Customer&apos;s request: %1</source>
        <translation>客户诉求：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="58"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="20"/>
        <source>reached, satisfied</source>
        <translation>已联系，满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="22"/>
        <source>reached, not satisfied</source>
        <translation>已联系，不满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="23"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="34"/>
        <source>Record the callback result</source>
        <translation>确认回访结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="35"/>
        <source>Record the callback of ticket %1 (called %2) as: %3?</source>
        <translation>将工单 %1 的回访（%2）记录为：%3？</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="38"/>
        <source>Record</source>
        <translation>确认记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="42"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="60"/>
        <source>Attempt %1/%2</source>
        <translation>第%1/%2次外呼</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="442"/>
        <source>Callback for %1 is now with %2.</source>
        <translation>工单%1的回访已交由%2号坐席。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="74"/>
        <source>%1: not reached %2 times; recorded as unreachable.</source>
        <translation>%1：%2次未联系上，已记为无法联系。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="78"/>
        <source>%1: not reached; try again at %2.</source>
        <translation>%1：未联系上，请于%2再次外呼。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="81"/>
        <source>%1: customer satisfied; callback recorded.</source>
        <translation>%1：客户满意，回访已记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="83"/>
        <source>%1: customer not satisfied; the ticket is dispatched again.</source>
        <translation>%1：客户不满意，工单已重新下发。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="467"/>
        <source>This callback changed meanwhile; the list is refreshed. Try again.</source>
        <translation>该回访任务已被他人更新，列表已刷新，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="470"/>
        <source>The ticket has changed and can no longer be called back from here; the list is refreshed.</source>
        <translation>该工单状态已变化，无法在此回访，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="474"/>
        <source>Not saved (database: %1). Your note is kept; try again.</source>
        <translation>未保存（数据库：%1），备注已保留，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="477"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="90"/>
        <source>Enter the ID of an agent to assign the callback to.</source>
        <translation>请输入要指派的坐席工号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="92"/>
        <source>This callback is already finished.</source>
        <translation>该回访任务已结束。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="93"/>
        <source>This callback is assigned to another agent.</source>
        <translation>该回访任务已指派给其他坐席。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="94"/>
        <source>Take the callback before recording its result.</source>
        <translation>请先领取此回访任务，再记录结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="95"/>
        <source>Write down why the customer is not satisfied.</source>
        <translation>请记录客户不满意的原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/outcome.py" line="96"/>
        <source>The retry time must be in the future.</source>
        <translation>预约重拨时间必须晚于现在。</translation>
    </message>
</context>
<context>
    <name>CallerFetch</name>
    <message>
        <location filename="../../callcenter/ui/sync/caller_fetch.py" line="67"/>
        <source>History includes central&apos;s tickets (%1)</source>
        <translation>含中心库工单（%1 更新）</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="14"/>
        <source>Choose a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="17"/>
        <source>Your password was set by an administrator. Choose your own (at least 8 characters) to continue.</source>
        <translation>您的密码由管理员设置，请设置自己的新密码（至少 8 个字符）后继续。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="24"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="25"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="26"/>
        <source>New password again</source>
        <translation>确认新密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="36"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="37"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/change_password_dialog.py" line="52"/>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../callcenter/ui/board/charts.py" line="42"/>
        <source>Numbers</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/charts.py" line="44"/>
        <source>Show the chart&apos;s numbers as a table</source>
        <translation>以表格显示图表数据</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/charts.py" line="116"/>
        <source>Hour</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="155"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="155"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="155"/>
        <source>My value</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="156"/>
        <source>Central&apos;s value</source>
        <translation>中心库的值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="156"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="156"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="166"/>
        <source>it holds characters central cannot store</source>
        <translation>含有中心库无法保存的字符</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="168"/>
        <source>Refused by central (%1 records): %2</source>
        <translation>被中心库拒绝（%1 条记录）：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="171"/>
        <source>Another record here has the same key</source>
        <translation>本地已有同一编号的另一条记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="173"/>
        <source>Local changes not yet sent</source>
        <translation>本地修改尚未发送</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="175"/>
        <source>Waiting for central&apos;s latest values</source>
        <translation>等待取回中心库的最新值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="176"/>
        <source>Changed on another desk too</source>
        <translation>另一坐席也修改了此项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="199"/>
        <source>(refused)</source>
        <translation>（已被拒绝）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="202"/>
        <source>(another local record)</source>
        <translation>（本地另一条记录）</translation>
    </message>
</context>
<context>
    <name>DeadlineField</name>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="20"/>
        <source>Deadline (minutes)</source>
        <translation>处理时限（分钟）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="21"/>
        <source>Deadline (hours)</source>
        <translation>处理时限（小时）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="22"/>
        <source>Deadline (days)</source>
        <translation>处理时限（天）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="23"/>
        <source>Deadline (working days)</source>
        <translation>处理时限（工作日）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="30"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="31"/>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="32"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="33"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_field.py" line="82"/>
        <source>Set by the site profile for this category and area.</source>
        <translation>由站点配置按业务类型和区域确定。</translation>
    </message>
</context>
<context>
    <name>DeadlineStatus</name>
    <message>
        <location filename="../../callcenter/ui/tickets/deadline_status.py" line="19"/>
        <source>Near deadline: %1 · Overdue: %2</source>
        <translation>临期：%1 · 超期：%2</translation>
    </message>
</context>
<context>
    <name>DepartmentView</name>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="106"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="129"/>
        <source>Sign in as a department user to see your department&apos;s tickets.</source>
        <translation>以部门用户签入后可查看本部门工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="132"/>
        <source>Tickets dispatched to %1</source>
        <translation>下发至%1的工单</translation>
    </message>
</context>
<context>
    <name>DeskStatesModel</name>
    <message>
        <location filename="../../callcenter/ui/board/states_model.py" line="79"/>
        <source>Desk</source>
        <translation>席位</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/states_model.py" line="79"/>
        <source>Agent</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/states_model.py" line="79"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/states_model.py" line="79"/>
        <source>Time in state</source>
        <translation>本状态时长</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/board/states_model.py" line="84"/>
        <source>Unknown (silent %n s)</source>
        <translation>
            <numerusform>未知（%n 秒无消息）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/board/states_model.py" line="89"/>
        <source>%1 · over the limit</source>
        <translation>%1 · 超时</translation>
    </message>
</context>
<context>
    <name>DuplicatesDesk</name>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="113"/>
        <source>Repeat complaint not yet resolved: the shift lead has been alerted.</source>
        <translation>重复投诉尚未解决：已报告当值负责人。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="120"/>
        <source>Urging is possible after the call ends (wrap-up).</source>
        <translation>通话结束后（话后处理时）才能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="147"/>
        <source>the ticket is already closed</source>
        <translation>该工单已办结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="148"/>
        <source>your role may not urge tickets</source>
        <translation>您的角色不能催办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="149"/>
        <source>the database did not take the write</source>
        <translation>数据库未能写入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="150"/>
        <source>The urge was NOT recorded (%1); nothing changed.</source>
        <translation>催办未记录（%1），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="159"/>
        <source>Urge recorded on ticket %1; no new ticket was saved.</source>
        <translation>已在工单 %1 上记录催办，未新建工单。</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="67"/>
        <source>Earlier tickets of this caller</source>
        <translation>该客户的历史工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="102"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="102"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="102"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="102"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="103"/>
        <source>Same</source>
        <translation>相同项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="117"/>
        <source>Record this call as an urge on the selected ticket</source>
        <translation>将本次来电记为对所选工单的催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="206"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="206"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="207"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="207"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="208"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="208"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="213"/>
        <source>saved</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="213"/>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="214"/>
        <source>dispatched</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="214"/>
        <source>accepted by the department</source>
        <translation>部门接单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="215"/>
        <source>replied</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="215"/>
        <source>urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="216"/>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="216"/>
        <source>called back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="217"/>
        <source>reopened after callback</source>
        <translation>回访不满意重新下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="218"/>
        <source>archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="218"/>
        <source>closed on the call</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="222"/>
        <source>account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="222"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="223"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="259"/>
        <source>Earlier tickets of this caller (last %1 days): %2</source>
        <translation>该客户近%1天的历史工单：%2 张</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="280"/>
        <source>⚠ Repeat complaint. Ticket %1 was resolved; read its reply to the customer:</source>
        <translation>⚠ 重复投诉。工单 %1 已处理完毕，请向客户宣读其答复：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="282"/>
        <source>(no reply text recorded)</source>
        <translation>（未记录答复内容）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="287"/>
        <source>⚠ Repeat complaint. Ticket %1 is not resolved yet: %2, department %3, deadline %4.</source>
        <translation>⚠ 重复投诉。工单 %1 尚未解决：%2，处理部门 %3，处理时限 %4。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="297"/>
        <source>The shift lead has been alerted.</source>
        <translation>已立即报告当值负责人。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="316"/>
        <source>This ticket is closed: it cannot be urged.</source>
        <translation>该工单已办结，不能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="318"/>
        <source>Urging is possible after the call ends (wrap-up).</source>
        <translation>通话结束后（话后处理时）才能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="320"/>
        <source>Select the ticket this call is about to urge it.</source>
        <translation>请先选中本次来电所催办的工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="322"/>
        <source>Urging records the call on that ticket; no new ticket is saved.</source>
        <translation>催办会把本次来电记在该工单上，不再新建工单。</translation>
    </message>
</context>
<context>
    <name>EmergencyBanner</name>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="45"/>
        <source>Clear</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="65"/>
        <source>⚠ EMERGENCY (shift lead %1): %2</source>
        <translation>⚠ 紧急通告（值班长 %1）：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="67"/>
        <source>Script:</source>
        <translation>话术：</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="79"/>
        <source>Raise an emergency banner</source>
        <translation>发布紧急通告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="91"/>
        <source>Message</source>
        <translation>通告内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="92"/>
        <source>Outage script</source>
        <translation>停电话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/emergency.py" line="93"/>
        <source>Shift lead ID</source>
        <translation>值班长工号</translation>
    </message>
</context>
<context>
    <name>FieldMessages</name>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="17"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="18"/>
        <source>Sub-type</source>
        <translation>业务子类</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="19"/>
        <source>Content</source>
        <translation>受理内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="20"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="21"/>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="22"/>
        <source>Account number</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="23"/>
        <source>Meter number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="24"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="25"/>
        <source>Area type</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="26"/>
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="27"/>
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="28"/>
        <source>Deadline (days)</source>
        <translation>处理时限（天）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="29"/>
        <source>Call time</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="30"/>
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="44"/>
        <source>Please choose {field}.</source>
        <translation>请选择{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="46"/>
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="48"/>
        <source>{field} is needed to dispatch: the customer is answered by phone (ask them to leave a number).</source>
        <translation>下发工单须填写{field}：需电话答复客户（请客户留下联系电话）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="54"/>
        <source>{field} is too long.</source>
        <translation>{field}过长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="55"/>
        <source>{field} is too long: at most {limit} characters.</source>
        <translation>{field}过长：最多{limit}个字。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="59"/>
        <source>{field} is not a valid mainland mobile number (11 digits, e.g. 13800138000) or landline number with area code (e.g. 0731-84567890).</source>
        <translation>{field}不是有效的号码：手机号为11位（如13800138000），固定电话需带区号（如0731-84567890）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="65"/>
        <source>{field} must be the 10-digit account number on the payment card.</source>
        <translation>{field}应为缴费卡上的10位户号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="69"/>
        <source>{field} must be the letters and digits printed on the meter nameplate (6 to 24 characters, no spaces).</source>
        <translation>{field}应为电能表铭牌上的字母和数字（6至24位，不含空格）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="75"/>
        <source>{field} holds a character that cannot be saved (an invisible control character, character {limit}); please delete it.</source>
        <translation>{field}含有无法保存的字符（不可见的控制字符，第 {limit} 个字符），请删除。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="81"/>
        <source>Please choose a {field} from the list.</source>
        <translation>请从列表中选择{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="86"/>
        <source>The deadline must be between 1 and {limit} days.</source>
        <translation>处理时限应在1至{limit}天之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="90"/>
        <source>{field} must be between 1 and {limit}.</source>
        <translation>{field}应在1至{limit}之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="93"/>
        <source>{field} is out of range.</source>
        <translation>{field}超出范围。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="96"/>
        <source>The call time cannot be in the future.</source>
        <translation>来电时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="97"/>
        <source>{field} cannot be in the future.</source>
        <translation>{field}不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="100"/>
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
    </message>
</context>
<context>
    <name>HandoverFeature</name>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="148"/>
        <location filename="../../callcenter/ui/handover/feature.py" line="154"/>
        <source>Handover</source>
        <translation>交接班</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/feature.py" line="151"/>
        <source>Events of this shift</source>
        <translation>本班事件</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="30"/>
        <source>All shifts</source>
        <translation>全部班次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="34"/>
        <source>Lead ID</source>
        <translation>值班长工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="35"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="36"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="36"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="41"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="41"/>
        <source>Outgoing lead</source>
        <translation>交班值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="42"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="42"/>
        <source>Confirmed by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="43"/>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="47"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/history.py" line="48"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
</context>
<context>
    <name>IncomingView</name>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="95"/>
        <source>Records to confirm</source>
        <translation>待确认记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="96"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="97"/>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="107"/>
        <source>Question about the selected item</source>
        <translation>对所选事项的问题</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="108"/>
        <source>Ask</source>
        <translation>提问</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="109"/>
        <source>Save ticks</source>
        <translation>保存核对</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="117"/>
        <source>Your password</source>
        <translation>您的密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="118"/>
        <source>Confirm the handover</source>
        <translation>确认交接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="125"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="125"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="125"/>
        <source>Signed in</source>
        <translation>签入时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="125"/>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="128"/>
        <source>Record attendance</source>
        <translation>记录考勤</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="131"/>
        <source>Assign the overdue chase</source>
        <translation>指定催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="134"/>
        <source>Chase overdue tickets:</source>
        <translation>超期工单催办人：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="139"/>
        <source>Addendum to a confirmed record</source>
        <translation>对已确认记录的补充说明</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="140"/>
        <source>Add addendum</source>
        <translation>添加补充说明</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="13"/>
        <source>Signed out</source>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="14"/>
        <source>Busy</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="15"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="16"/>
        <source>Ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="17"/>
        <source>Talking</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="18"/>
        <source>On hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="19"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="25"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/labels.py" line="27"/>
        <source>Just signed in</source>
        <translation>刚签入</translation>
    </message>
</context>
<context>
    <name>LeadView</name>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="164"/>
        <source>My shift&apos;s record</source>
        <translation>本班交接记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="165"/>
        <source>Take over</source>
        <translation>接班</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="166"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="19"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="20"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="21"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="22"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="23"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="24"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="32"/>
        <source>Dispatch</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="33"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="34"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="35"/>
        <source>Callback: satisfied</source>
        <translation>回访：满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="36"/>
        <source>Callback: not satisfied</source>
        <translation>回访：不满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="38"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="39"/>
        <source>Close (answered on the call)</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="40"/>
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="41"/>
        <source>Supervise</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="52"/>
        <source>Ticket saved</source>
        <translation>工单已保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="53"/>
        <source>Dispatched with the call</source>
        <translation>受理时下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="54"/>
        <source>Callback: not reached</source>
        <translation>回访：未接通</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="55"/>
        <source>Callback: unreachable after the last attempt</source>
        <translation>回访：多次未接通，无法联系</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="59"/>
        <source>Call rang</source>
        <translation>来电振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="60"/>
        <source>Call answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="61"/>
        <source>Script shown</source>
        <translation>显示话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="62"/>
        <source>Put on hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="63"/>
        <source>Resumed</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="64"/>
        <source>Hung up</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="65"/>
        <source>Ticket saved in wrap-up</source>
        <translation>话后保存工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="66"/>
        <source>Dispatched in wrap-up</source>
        <translation>话后下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="67"/>
        <source>Wrap-up done</source>
        <translation>话后处理完成</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="68"/>
        <source>Back-filled</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="69"/>
        <source>Closed on the next start (the app had stopped)</source>
        <translation>下次启动时关闭（程序曾意外退出）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="76"/>
        <source>Not possible in the ticket&apos;s current state.</source>
        <translation>工单当前状态下不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="77"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="78"/>
        <source>This ticket belongs to another department.</source>
        <translation>此工单属于其他部门。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="80"/>
        <source>Only inquiries, opinions, suggestions and praise can be closed on the call.</source>
        <translation>只有咨询、意见、建议和表扬可以当场办结。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="82"/>
        <source>The reply is incomplete: repairs need departure, arrival, cause, restore time and result.</source>
        <translation>回复不完整：抢修工单需填写出发时间、到达时间、故障原因、恢复时间和处理结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="85"/>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="86"/>
        <source>This ticket has no contact phone: the customer is answered by phone, so an inquiry, opinion, suggestion or praise is dispatched only with one.</source>
        <translation>此工单没有联系电话：咨询、意见、建议、表扬工单需电话答复客户，须有联系电话才能下发。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="89"/>
        <source>Someone else changed this ticket meanwhile. It has been reloaded; what you typed is kept — check and try again.</source>
        <translation>此工单已被他人修改，已重新加载；您填写的内容已保留，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="92"/>
        <source>The database refused the change; try again.</source>
        <translation>数据库未能保存此次修改，请重试。</translation>
    </message>
</context>
<context>
    <name>LifecycleController</name>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_integration.py" line="54"/>
        <source>Department desk</source>
        <translation>部门工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_integration.py" line="128"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="192"/>
        <source>95598 agent desk</source>
        <translation>95598 坐席工作台</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="106"/>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="118"/>
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="121"/>
        <source>Back-fill a ticket...</source>
        <translation>补录工单…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="222"/>
        <source>That is not possible in the current state.</source>
        <translation>当前状态下不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="232"/>
        <source>Sign-in is not available.</source>
        <translation>当前无法签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="261"/>
        <source>Call ended without a ticket: %1</source>
        <translation>本次来电未建单结束：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="287"/>
        <source>A ticket is saved after the call ends.</source>
        <translation>通话结束后才能保存工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="293"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="353"/>
        <source>Missed call from %1: it went back to the queue and you are now busy (missed call). Press F3 when you are ready.</source>
        <translation>未接来电 %1：来电已退回队列，您已被置为示忙（未接来电）。准备好后请按 F3 示闲。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="357"/>
        <source>The caller hung up before you answered.</source>
        <translation>客户在接听前已挂机。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="359"/>
        <source>The transfer target %1 did not take the call (%2): the customer is still yours.</source>
        <translation>转接目标 %1 未接通（%2）：客户仍由您接待。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="385"/>
        <source>Ticket %1 saved and dispatched to %2.</source>
        <translation>工单 %1 已保存，已下发至%2。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="388"/>
        <source>Ticket %1 saved.</source>
        <translation>工单 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="396"/>
        <source>The database is busy (locked by another program).</source>
        <translation>数据库忙（被其他程序锁定）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="397"/>
        <source>The database file is read-only.</source>
        <translation>数据库文件为只读。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="398"/>
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="399"/>
        <source>The database reported an error.</source>
        <translation>数据库出错。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="403"/>
        <source>The ticket was NOT saved: </source>
        <translation>工单未保存：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="404"/>
        <source> Everything you typed is kept; try again.</source>
        <translation>您填写的内容都已保留，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="413"/>
        <source>Could not record a call event: </source>
        <translation>无法记录通话事件：</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="40"/>
        <source>Monthly service quality report</source>
        <translation>供电优质服务月报表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="43"/>
        <source>From this desk&apos;s own data. The whole site&apos;s report is made on central: callcenter report monthly --central URL</source>
        <translation>仅含本席位的数据。全站月报表请在中心库生成：callcenter report monthly --central URL</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="55"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="59"/>
        <source>Browse...</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="63"/>
        <source>Workbook (xlsx)</source>
        <translation>工作簿（xlsx）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="64"/>
        <source>Also an A4 PDF beside it</source>
        <translation>同时生成 A4 PDF</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="75"/>
        <source>Write report</source>
        <translation>生成报表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="89"/>
        <source>Save the report</source>
        <translation>保存报表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="90"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="98"/>
        <source>Enter where to save the workbook.</source>
        <translation>请输入工作簿的保存位置。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="104"/>
        <source>No such folder: %1</source>
        <translation>没有这个文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="107"/>
        <source>That is a folder; enter a file name.</source>
        <translation>这是一个文件夹，请输入文件名。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>NoTicketDialog</name>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="28"/>
        <source>End wrap-up without a ticket?</source>
        <translation>不建单结束话后处理？</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="31"/>
        <source>No ticket has been saved for this call. Set busy only if the call needs no ticket (无需建单), and say why; otherwise cancel, and save with F8 or F9.</source>
        <translation>本次来电尚未保存工单。只有无需建单时才示忙，并说明原因；否则请取消，用 F8 或 F9 保存工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="41"/>
        <source>Answered on the call</source>
        <translation>已当场答复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="41"/>
        <source>Nuisance or silent call</source>
        <translation>骚扰或无声来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="42"/>
        <source>Wrong number</source>
        <translation>打错电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="42"/>
        <source>Caller hung up before saying why</source>
        <translation>客户未说明诉求即挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="45"/>
        <source>&amp;Reason (choose or type):</source>
        <translation>原因（选择或输入）(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="55"/>
        <source>No ticket needed, set busy</source>
        <translation>无需建单，示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="58"/>
        <source>Cancel, keep the form</source>
        <translation>取消，保留工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/no_ticket_dialog.py" line="72"/>
        <source>Choose or type the reason no ticket is needed.</source>
        <translation>请选择或填写无需建单的原因。</translation>
    </message>
</context>
<context>
    <name>OutageBanner</name>
    <message>
        <location filename="../../callcenter/ui/outages/banner.py" line="40"/>
        <source>Outage script</source>
        <translation>停电话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/banner.py" line="62"/>
        <source>⚡ The caller is inside a known outage:</source>
        <translation>⚡ 来电客户在已知停电范围内：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/banner.py" line="63"/>
        <source>⚡ An outage is announced for the caller:</source>
        <translation>⚡ 来电客户所在区域已发布停电计划：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/banner.py" line="66"/>
        <source>and %1 more</source>
        <translation>另有 %1 条</translation>
    </message>
</context>
<context>
    <name>OutageConsole</name>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="78"/>
        <source>Address (partial is fine)</source>
        <translation>地址（可只输入部分）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="79"/>
        <source>Account number</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="80"/>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="84"/>
        <source>Feeder</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="81"/>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="85"/>
        <source>Transformer area</source>
        <translation>台区</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="82"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="83"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="87"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="100"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="101"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="113"/>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="121"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="150"/>
        <source> (search text is limited to %1 characters)</source>
        <translation>（搜索文字最多 %1 个字）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="152"/>
        <source>Searching...</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="157"/>
        <source>%1 outage(s) found</source>
        <translation>找到 %1 条停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="158"/>
        <source>No known outage matches.</source>
        <translation>没有匹配的停电信息。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="165"/>
        <source>Active (%1)</source>
        <translation>正在停电（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="165"/>
        <source>Upcoming (%1)</source>
        <translation>即将停电（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="166"/>
        <source>Recently restored (%1)</source>
        <translation>近期已恢复（%1）</translation>
    </message>
</context>
<context>
    <name>OutageDesk</name>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="79"/>
        <source>Outages</source>
        <translation>停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="104"/>
        <source>&amp;Outages</source>
        <translation>停电信息(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="107"/>
        <source>Outage lookup</source>
        <translation>停电查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="108"/>
        <source>Import outage list...</source>
        <translation>导入停电信息……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="109"/>
        <source>Raise emergency banner...</source>
        <translation>发布紧急通告……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="136"/>
        <source>Outage lookup failed: %1</source>
        <translation>停电查询失败：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="188"/>
        <source>The caller is inside an active outage: link the ticket or give a reason.</source>
        <translation>来电客户在正在停电的范围内：请关联停电，或填写仍要下发的原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="225"/>
        <source>Outages: %1 active · %2 upcoming · %3 restored</source>
        <translation>停电：正在 %1 · 即将 %2 · 已恢复 %3</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="236"/>
        <source>Import outage list</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="237"/>
        <source>Outage lists (*.csv *.xlsx)</source>
        <translation>停电信息表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="246"/>
        <source>Only the shift lead imports the outage list.</source>
        <translation>只有值班长可以导入停电信息。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="260"/>
        <source>Only the shift lead can raise an emergency banner.</source>
        <translation>只有值班长可以发布紧急公告。</translation>
    </message>
</context>
<context>
    <name>OutageImport</name>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="31"/>
        <source>the column is missing</source>
        <translation>缺少该列</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="32"/>
        <source>a value is required</source>
        <translation>必须填写</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="33"/>
        <source>unknown outage type</source>
        <translation>未知的停电类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="34"/>
        <source>unknown status</source>
        <translation>未知的状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="35"/>
        <source>not a time (YYYY-MM-DD HH:MM)</source>
        <translation>不是有效时间（YYYY-MM-DD HH:MM）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="36"/>
        <source>ends before it starts</source>
        <translation>结束时间早于开始时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="37"/>
        <source>the same outage number appears twice</source>
        <translation>停电编号重复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="38"/>
        <source>no affected area</source>
        <translation>没有停电范围（线路、台区、停电范围或户号）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="39"/>
        <source>the file cannot be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="40"/>
        <source>holds a character that cannot be stored (NUL or an undecodable byte)</source>
        <translation>含有无法保存的字符（NUL 或无法解码的字节）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="42"/>
        <source>is in another encoding than the rest of the file</source>
        <translation>与文件其余各行的编码不同</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="44"/>
        <source>is neither UTF-8 nor GBK/GB18030 text</source>
        <translation>既不是 UTF-8 也不是 GBK/GB18030 编码的文字</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="45"/>
        <source>the disk is full: nothing was imported (free some space, then import again)</source>
        <translation>磁盘已满：没有导入任何数据（请先腾出空间再导入）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="47"/>
        <source>the store refused the write: nothing was imported</source>
        <translation>本地数据库拒绝写入：没有导入任何数据</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="56"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="59"/>
        <source>Row %1, column %2: %3</source>
        <translation>第 %1 行，“%2”列：%3</translation>
    </message>
</context>
<context>
    <name>OutageImportDialog</name>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="71"/>
        <source>Import outages</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="95"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="110"/>
        <source>Importing %1...</source>
        <translation>正在导入 %1……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="130"/>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="139"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="141"/>
        <source>%1 problem(s) found: nothing was imported.</source>
        <translation>发现 %1 处问题：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="147"/>
        <source>%1 rows: %2 added, %3 updated, %4 unchanged.</source>
        <translation>共 %1 行：新增 %2，更新 %3，未变 %4。</translation>
    </message>
</context>
<context>
    <name>OutageLinkDialog</name>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="23"/>
        <source>Caller inside an active outage</source>
        <translation>客户在停电范围内</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="26"/>
        <source>This fault is already known: %1. The ticket will be linked to the outage instead of dispatched again. To dispatch anyway, give a reason.</source>
        <translation>该故障已知：%1。工单将关联到此停电，不再重复下发。如仍需下发，请填写原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="34"/>
        <source>Reason to dispatch anyway</source>
        <translation>仍要下发的原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="36"/>
        <source>Link to outage</source>
        <translation>关联停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="40"/>
        <source>Dispatch anyway</source>
        <translation>仍要下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/link_dialog.py" line="44"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Outages</name>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="50"/>
        <source>Outage no.</source>
        <translation>停电编号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="51"/>
        <source>Type</source>
        <translation>停电类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="52"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="53"/>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="54"/>
        <source>Expected restore</source>
        <translation>预计恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="55"/>
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="56"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="57"/>
        <source>Area</source>
        <translation>停电范围</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/hits_model.py" line="58"/>
        <source>Matched by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="16"/>
        <source>Planned outage</source>
        <translation>计划停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="17"/>
        <source>Temporary outage</source>
        <translation>临时停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="18"/>
        <source>Fault outage</source>
        <translation>故障停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="19"/>
        <source>Over-capacity outage</source>
        <translation>超容量停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="25"/>
        <source>Active</source>
        <translation>正在停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="26"/>
        <source>Upcoming</source>
        <translation>即将停电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="27"/>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="28"/>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="29"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="37"/>
        <source>Past expected restore, to be verified</source>
        <translation>超过预计恢复时间，待核实</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="43"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="44"/>
        <source>Transformer area</source>
        <translation>台区</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="45"/>
        <source>Feeder</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="46"/>
        <source>Address inside scope</source>
        <translation>地址在停电范围内</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="47"/>
        <source>Scope inside searched area</source>
        <translation>停电范围在查询区域内</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="56"/>
        <source>expected restore %1</source>
        <translation>预计 %1 恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="60"/>
        <source>announced less than 7 days ahead</source>
        <translation>计划停电公告不足7天</translation>
    </message>
</context>
<context>
    <name>OutgoingView</name>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="53"/>
        <source>Open the draft</source>
        <translation>打开草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="54"/>
        <source>Refresh the compiled parts</source>
        <translation>刷新自动汇总部分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="55"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="56"/>
        <source>Submit to the incoming lead</source>
        <translation>提交给接班值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="63"/>
        <source>Reason to sign out before the incoming shift signs in</source>
        <translation>接班人员签入前签出的原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/lead_view.py" line="64"/>
        <source>Sign out anyway</source>
        <translation>强制签出</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="15"/>
        <source>take calls</source>
        <translation>接听来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="16"/>
        <source>open this ticket</source>
        <translation>打开这张工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="17"/>
        <source>save tickets</source>
        <translation>保存工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="18"/>
        <source>edit tickets</source>
        <translation>修改工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="19"/>
        <source>dispatch tickets</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="20"/>
        <source>accept tickets</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="21"/>
        <source>reply to tickets</source>
        <translation>回复工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="22"/>
        <source>urge tickets</source>
        <translation>催办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="23"/>
        <source>supervise tickets</source>
        <translation>督办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="24"/>
        <source>close tickets on the call</source>
        <translation>当场办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="26"/>
        <source>archive tickets</source>
        <translation>归档工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="27"/>
        <source>make callbacks</source>
        <translation>进行回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="28"/>
        <source>assign callbacks</source>
        <translation>分派回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="29"/>
        <source>alert the shift lead</source>
        <translation>提醒值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="30"/>
        <source>read the shift lead&apos;s alerts</source>
        <translation>查看值班长提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="32"/>
        <source>raise the emergency banner</source>
        <translation>发布紧急通告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="33"/>
        <source>clear the emergency banner</source>
        <translation>撤销紧急通告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="34"/>
        <source>confirm the shift handover</source>
        <translation>确认交接班</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="35"/>
        <source>import outage lists</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="36"/>
        <source>edit scripts</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="37"/>
        <source>publish scripts</source>
        <translation>发布话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="38"/>
        <source>publish site documents</source>
        <translation>发布站点配置</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="39"/>
        <source>read QA reviews</source>
        <translation>查看质检结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="40"/>
        <source>score QA reviews</source>
        <translation>质检评分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="41"/>
        <source>read your QA reviews</source>
        <translation>查看本人质检结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="42"/>
        <source>show full personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="43"/>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="44"/>
        <source>resolve sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="45"/>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="52"/>
        <source>agent</source>
        <translation>客户代表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="53"/>
        <source>shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="54"/>
        <source>department user</source>
        <translation>处理部门用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="55"/>
        <source>QA reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="56"/>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="64"/>
        <source>Sign in first: you may not %1 without signing in.</source>
        <translation>请先签入：未签入不能%1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="67"/>
        <source>This ticket belongs to another department; you may not %1 for it.</source>
        <translation>这张工单属于其他部门，您不能%1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="70"/>
        <source>Your role (%1) may not %2; nothing was changed.</source>
        <translation>您的角色（%1）无权%2，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>PhoneStatus</name>
    <message>
        <location filename="../../callcenter/ui/calls/phone_status.py" line="55"/>
        <source>Phone online</source>
        <translation>话机在线</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/phone_status.py" line="59"/>
        <source>Phone offline</source>
        <translation>话机离线</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/phone_status.py" line="62"/>
        <source>Not registered with the phone system. %1</source>
        <translation>未在电话系统注册。%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/phone_status.py" line="68"/>
        <source>The phone is offline: you cannot go ready until it is back.</source>
        <translation>话机离线：恢复在线前不能示闲。</translation>
    </message>
</context>
<context>
    <name>PinMarkers</name>
    <message>
        <location filename="../../callcenter/ui/replay/pins.py" line="35"/>
        <location filename="../../callcenter/ui/replay/pins.py" line="39"/>
        <source>Reviewer&apos;s comments on the timeline</source>
        <translation>质检员在时间轴上的评语</translation>
    </message>
</context>
<context>
    <name>PinsEditor</name>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="32"/>
        <source>Comments on the timeline</source>
        <translation>时间轴评语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="44"/>
        <source>Time of the comment</source>
        <translation>评语时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="47"/>
        <source>Comment at this time (the replay&apos;s playhead)</source>
        <translation>在此时间（回放播放头）写评语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="49"/>
        <source>Pin comment</source>
        <translation>钉住评语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="51"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="79"/>
        <source>Write the comment first.</source>
        <translation>请先填写评语。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="80"/>
        <source>The comment is too long.</source>
        <translation>评语太长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/pins_editor.py" line="81"/>
        <source>That time is outside the call.</source>
        <translation>该时间不在通话范围内。</translation>
    </message>
</context>
<context>
    <name>QaCallsModel</name>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="26"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="26"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="26"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="26"/>
        <source>Caller</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="27"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="27"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="27"/>
        <source>Talk</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="28"/>
        <source>Breaches</source>
        <translation>超标项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/calls_model.py" line="28"/>
        <source>Failed checks</source>
        <translation>未通过检查</translation>
    </message>
</context>
<context>
    <name>QaFeature</name>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="88"/>
        <source>QA review</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="122"/>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="142"/>
        <source>The site profile has no evaluation form.</source>
        <translation>站点配置中没有质检评分表。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="147"/>
        <source>calibration, blind: %1</source>
        <translation>校准盲评：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="149"/>
        <source>Submit (blind)</source>
        <translation>提交（盲评）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="176"/>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="196"/>
        <source>The numbers could not be read: %1</source>
        <translation>无法读取号码：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="249"/>
        <source>A pinned comment is not valid: %1</source>
        <translation>时间轴评语无效：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="259"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="267"/>
        <source>Calibration scoring saved (blind): %1</source>
        <translation>校准盲评已保存：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="278"/>
        <source>Review saved: score %2; %1 sees it from %3</source>
        <translation>质检结果已保存：得分 %2；%1 自 %3 起可见</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="281"/>
        <source>Review released to %1: score %2</source>
        <translation>质检结果已发布给 %1：得分 %2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="300"/>
        <source>No answered calls in that period.</source>
        <translation>该时段没有已接听的通话。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="303"/>
        <source>Sample of %1 calls from %2 (seed %3), kept.</source>
        <translation>已从 %2 通中抽取 %1 通（随机种子 %3），抽样已保存。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="347"/>
        <source>Review task made: due %1</source>
        <translation>已生成质检任务：%1 前完成</translation>
    </message>
</context>
<context>
    <name>QaLabels</name>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="14"/>
        <source>Apology after a late answer</source>
        <translation>超时接听后致歉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="15"/>
        <source>Late-answer greeting gives the agent ID</source>
        <translation>超时接听问候语报工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="17"/>
        <source>Talk within 150 s</source>
        <translation>通话不超过150秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="18"/>
        <source>Wrap-up within 60 s</source>
        <translation>话后处理不超过60秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="19"/>
        <source>Customer hung up first</source>
        <translation>客户先挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="20"/>
        <source>Key fields filled</source>
        <translation>关键字段已填写</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="21"/>
        <source>Key fields unchanged after dispatch</source>
        <translation>下发后关键字段未改动</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="23"/>
        <source>Dispatched with a contact phone</source>
        <translation>下发工单有联系电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="24"/>
        <source>Complaint: calming script used</source>
        <translation>投诉：使用了安抚话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="25"/>
        <source>Not a back-filled ticket</source>
        <translation>非补录工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="26"/>
        <source>Wrap-up ended with a ticket</source>
        <translation>话后处理有工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="32"/>
        <source>Late answer</source>
        <translation>超时接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="33"/>
        <source>Talk over 150 s</source>
        <translation>通话超150秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="34"/>
        <source>Wrap-up over 60 s</source>
        <translation>话后处理超60秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="35"/>
        <source>Agent hung up first</source>
        <translation>坐席先挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="36"/>
        <location filename="../../callcenter/ui/qa/labels.py" line="53"/>
        <source>Back-filled</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="42"/>
        <source>Any check failed</source>
        <translation>任一检查未通过</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="44"/>
        <source>All checks passed</source>
        <translation>全部检查通过</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="45"/>
        <source>Failed: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="50"/>
        <source>Answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="51"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="52"/>
        <source>Abandoned</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="54"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="62"/>
        <source>This review is not at that step any more.</source>
        <translation>该质检已不在这一步。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="64"/>
        <source>This is not your review.</source>
        <translation>这不是您的质检结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="65"/>
        <source>Only the reviewer or a shift lead may do this.</source>
        <translation>只有原质检员或值班长可以这样做。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="67"/>
        <source>Give a reason.</source>
        <translation>请填写理由。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="68"/>
        <source>No more disputes: the limit is reached.</source>
        <translation>申诉次数已达上限，不能再申诉。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="76"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="77"/>
        <source>Released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="78"/>
        <source>Disputed</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="79"/>
        <source>Signed off</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="85"/>
        <source>scored and released</source>
        <translation>评分并发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="86"/>
        <source>signed off</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="87"/>
        <source>disputed</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="88"/>
        <source>rescored</source>
        <translation>重新评分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="89"/>
        <source>dispute declined</source>
        <translation>驳回申诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="96"/>
        <source>the customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="97"/>
        <source>the agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="98"/>
        <source>category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="99"/>
        <source>content</source>
        <translation>受理内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="100"/>
        <source>contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="101"/>
        <source>no apology first</source>
        <translation>未先致歉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="102"/>
        <source>no greeting</source>
        <translation>无问候语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/labels.py" line="103"/>
        <source>no agent ID</source>
        <translation>未报工号</translation>
    </message>
</context>
<context>
    <name>QaTasks</name>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="369"/>
        <source>The ticket is not on this desk.</source>
        <translation>本机没有该工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="370"/>
        <source>Only a complaint makes a review task.</source>
        <translation>只有投诉工单可以生成质检任务。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="371"/>
        <source>Enter the agent&apos;s ID (3 to 8 digits).</source>
        <translation>请输入被投诉坐席的工号（3至8位数字）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="372"/>
        <source>The note is too long (500 at most).</source>
        <translation>备注过长（最多500字）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="373"/>
        <source>This task is closed already.</source>
        <translation>该任务已关闭。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/integration.py" line="374"/>
        <source>Write the outcome first.</source>
        <translation>请先填写处理结果。</translation>
    </message>
</context>
<context>
    <name>QaWorkspaceView</name>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="62"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="64"/>
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="73"/>
        <source>All categories</source>
        <translation>全部业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="77"/>
        <source>Any breach or none</source>
        <translation>不限超标项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="81"/>
        <source>Any check result</source>
        <translation>不限检查结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="84"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="89"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="90"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="98"/>
        <source>Sample: </source>
        <translation>抽样：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="99"/>
        <source> per agent</source>
        <translation> 通/坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="103"/>
        <source>seed </source>
        <translation>种子 </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="104"/>
        <source>Draw a random sample</source>
        <translation>随机抽样</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="106"/>
        <source>N answered calls per agent of the period (and agent, if given); the same seed over the same calls draws the same sample, and the sample is kept with its seed and query</source>
        <translation>按时段（及指定坐席）为每位坐席随机抽取N通已接听电话；相同种子对相同通话抽取结果相同，抽样连同种子和查询条件一并保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="131"/>
        <source>Choose a call to see its automatic checks.</source>
        <translation>选择一通电话查看其自动检查结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="142"/>
        <source>Automatic checks</source>
        <translation>自动检查</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="144"/>
        <source>Open replay</source>
        <translation>打开回放</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="147"/>
        <source>Score this call…</source>
        <translation>为该通话评分…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="155"/>
        <source>Score blind for calibration…</source>
        <translation>盲评校准…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="158"/>
        <source>Several reviewers score the same call without seeing each other&apos;s answers; never released to the agent. The spread shows on the QA calibration tab.</source>
        <translation>多名质检员在互不可见的情况下为同一通话评分；不发布给坐席。差异显示在“质检校准”页。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="188"/>
        <source>The end date is before the start date.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="199"/>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="206"/>
        <source>Drawing the sample…</source>
        <translation>正在抽样…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="214"/>
        <source>%n call(s) found.</source>
        <translation>
            <numerusform>找到 %n 通电话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="216"/>
        <source>Only the first ones are shown: narrow the search.</source>
        <translation>只显示前面的部分：请缩小查询范围。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="250"/>
        <source>no ticket</source>
        <translation>无工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="251"/>
        <source>Call of %1 at %2 (%3)</source>
        <translation>%1 的来电，%2（%3）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="255"/>
        <source>not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="257"/>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="259"/>
        <source>FAILED</source>
        <translation>未通过</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="265"/>
        <source>events %1</source>
        <translation>事件 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="273"/>
        <source>Caller %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/workspace_view.py" line="275"/>
        <source>Contact %1</source>
        <translation>联系电话 %1</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="60"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="60"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="60"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="60"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="61"/>
        <source>Address / content</source>
        <translation>地址 / 内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="81"/>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="83"/>
        <source>near deadline</source>
        <translation>临期</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <location filename="../../callcenter/ui/replay/audio_player.py" line="59"/>
        <source>Recording: %1</source>
        <translation>录音：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/audio_player.py" line="76"/>
        <source>The recording could not be played: %1</source>
        <translation>无法播放录音：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/audio_player.py" line="96"/>
        <source>Secure pause: recording paused here</source>
        <translation>保密暂停：此处录音已暂停</translation>
    </message>
</context>
<context>
    <name>ReleaseChooser</name>
    <message>
        <location filename="../../callcenter/ui/qa/release_chooser.py" line="25"/>
        <source>Release to the agent:</source>
        <translation>发布给坐席：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/release_chooser.py" line="26"/>
        <source>Now</source>
        <translation>立即</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/release_chooser.py" line="27"/>
        <source>At</source>
        <translation>定时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/release_chooser.py" line="35"/>
        <source>Release time (site-local)</source>
        <translation>发布时间（本地时间）</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="26"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="27"/>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="28"/>
        <source>Form</source>
        <translation>工单表单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="29"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="34"/>
        <source>Rang</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="35"/>
        <source>Answered</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="36"/>
        <source>Script shown</source>
        <translation>显示话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="37"/>
        <source>Script step answered</source>
        <translation>话术步骤已答</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="38"/>
        <source>Put on hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="39"/>
        <source>Resumed</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="40"/>
        <source>Hung up</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="41"/>
        <source>Caller hung up while it rang</source>
        <translation>振铃中客户挂断</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="42"/>
        <source>Not answered: back to the queue</source>
        <translation>未接听：回到队列</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="43"/>
        <source>Ticket saved</source>
        <translation>工单已保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="44"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="45"/>
        <source>Wrap-up done</source>
        <translation>话后处理完成</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="46"/>
        <source>Form edited</source>
        <translation>表单编辑</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="47"/>
        <source>Recording paused (secure)</source>
        <translation>录音暂停（保密）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="48"/>
        <source>Recording resumed</source>
        <translation>录音恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="49"/>
        <source>Back-filled</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="50"/>
        <source>Closed on the next start</source>
        <translation>下次启动时关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="51"/>
        <source>Transfer asked</source>
        <translation>发起转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="52"/>
        <source>Transfer target ringing</source>
        <translation>转接目标振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="53"/>
        <source>Transfer target answered</source>
        <translation>转接目标已接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="54"/>
        <source>Transfer target refused</source>
        <translation>转接目标拒接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="55"/>
        <source>Transferred</source>
        <translation>已转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="56"/>
        <source>Customer taken back</source>
        <translation>已取回客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="85"/>
        <source>by the agent</source>
        <translation>（坐席挂断）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="86"/>
        <source>by the customer</source>
        <translation>（客户挂断）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="89"/>
        <source> (transferred)</source>
        <translation>（已转接）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="106"/>
        <source>Ring limit</source>
        <translation>振铃上限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="107"/>
        <source>Talk 150 s</source>
        <translation>通话 150 秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/labels.py" line="108"/>
        <source>Wrap-up 60 s</source>
        <translation>话后 60 秒</translation>
    </message>
</context>
<context>
    <name>ReplayDialog</name>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="66"/>
        <source>Call replay</source>
        <translation>通话回放</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="83"/>
        <source>Loading the call…</source>
        <translation>正在读取通话…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="97"/>
        <source>◀ Previous event</source>
        <translation>◀ 上一事件</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="98"/>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="276"/>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="318"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="99"/>
        <source>Next event ▶</source>
        <translation>下一事件 ▶</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="111"/>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="238"/>
        <source>No recording of this call on this desk.</source>
        <translation>本机没有此通话的录音。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="170"/>
        <source>You may not replay this call.</source>
        <translation>您无权回放此通话。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="172"/>
        <source>This call is not on this desk.</source>
        <translation>本机没有此通话。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="174"/>
        <source>The call could not be read: %1</source>
        <translation>无法读取通话：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="202"/>
        <source>Fetching the recording from central…</source>
        <translation>正在从中心获取录音…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="218"/>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="239"/>
        <source>The recording could not be played: %1</source>
        <translation>无法播放录音：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="248"/>
        <source>Agent %1</source>
        <translation>坐席 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="249"/>
        <source>Caller %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="252"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="253"/>
        <source>ring</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="254"/>
        <source>talk</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="255"/>
        <source>wrap-up</source>
        <translation>话后</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="257"/>
        <source> (over)</source>
        <translation>（超时）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="259"/>
        <source>the agent hung up first</source>
        <translation>坐席先挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="260"/>
        <source>the customer hung up first</source>
        <translation>客户先挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/replay_dialog.py" line="276"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>ReportsFeature</name>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="53"/>
        <source>&amp;Reports</source>
        <translation>报表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="56"/>
        <source>Monthly service quality report...</source>
        <translation>供电优质服务月报表…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="95"/>
        <source>Reading the month&apos;s tickets and calls...</source>
        <translation>正在读取本月工单和来电…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="96"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="98"/>
        <location filename="../../callcenter/ui/report/integration.py" line="161"/>
        <source>Monthly service quality report</source>
        <translation>供电优质服务月报表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="151"/>
        <source>Only a shift lead or an administrator may make the monthly report.</source>
        <translation>只有值班长或管理员可以生成月报表。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="153"/>
        <source>The report could not be written: %1</source>
        <translation>报表未能生成：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="155"/>
        <source>The report was cancelled.</source>
        <translation>已取消生成报表。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/report/integration.py" line="157"/>
        <source>Report written: %1</source>
        <translation>报表已生成：%1</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="120"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="125"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="126"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="127"/>
        <source>The user must change it at the next sign-in; a lock ends.</source>
        <translation>用户下次签入时须修改密码；锁定随之解除。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="130"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="40"/>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="95"/>
        <source>Show full number</source>
        <translation>显示完整号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="43"/>
        <source>Full phone and ID numbers of %1 will show until its window is closed. Your ID, the ticket, the reason and the time are recorded.</source>
        <translation>%1 的完整电话和证件号码将显示到该窗口关闭为止。您的工号、工单、原因和时间都会被记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="48"/>
        <source>Reason (required):</source>
        <translation>查看原因（必填）：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="53"/>
        <source>e.g. customer asked to be called back on it</source>
        <translation>例如：客户要求按此号码回电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="64"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="66"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="83"/>
        <source>Enter why you need the full number.</source>
        <translation>请填写查看完整号码的原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="84"/>
        <source>The reason is too long.</source>
        <translation>原因过长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="85"/>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="86"/>
        <source>Your role may not see full numbers.</source>
        <translation>您的角色无权查看完整号码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/privacy/reveal_dialog.py" line="87"/>
        <source>The reveal could not be recorded, so the number stays masked: %1</source>
        <translation>查看记录未能保存，号码仍保持隐藏：%1</translation>
    </message>
</context>
<context>
    <name>ReviewsFeature</name>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_feature.py" line="51"/>
        <source>My reviews</source>
        <translation>我的质检</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_feature.py" line="53"/>
        <source>Review disputes</source>
        <translation>质检申诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_feature.py" line="130"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ReviewsView</name>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="57"/>
        <source>Reason (required to dispute)</source>
        <translation>理由（申诉必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="58"/>
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="60"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="64"/>
        <source>Sign off</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="65"/>
        <source>Dispute</source>
        <translation>申诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="69"/>
        <source>Rescore…</source>
        <translation>重新评分…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="70"/>
        <source>Decline</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="73"/>
        <source>Open replay</source>
        <translation>打开回放</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="97"/>
        <source>No reviews.</source>
        <translation>暂无质检结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="98"/>
        <source>No disputed reviews.</source>
        <translation>暂无申诉。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="126"/>
        <source>Give a reason first.</source>
        <translation>请先填写理由。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="141"/>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="142"/>
        <source>(a fatal question failed)</source>
        <translation>（致命项未通过）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="143"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="150"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="155"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="155"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="160"/>
        <source>(changed from the check: %1)</source>
        <translation>（已更改自动检查结果：%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="163"/>
        <source>Comments on the timeline:</source>
        <translation>时间轴评语：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/reviews_view.py" line="165"/>
        <source>History:</source>
        <translation>处理记录：</translation>
    </message>
</context>
<context>
    <name>ScoreDialog</name>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="121"/>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="188"/>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="153"/>
        <source>★ critical (weighs double) · ‼ fatal (fails the whole call)</source>
        <translation>★ 关键项（双倍权重）· ‼ 致命项（整通电话不合格）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="163"/>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="168"/>
        <source>Submit and release</source>
        <translation>提交并发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="168"/>
        <source>Submit; release at the set time</source>
        <translation>提交，定时发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="169"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="184"/>
        <source>Score: —</source>
        <translation>得分：—</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="186"/>
        <source>Score: 0 (a fatal question failed)</source>
        <translation>得分：0（致命项未通过）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="194"/>
        <source>%1: answer it (or N/A where allowed).</source>
        <translation>%1：请作答（允许时可选“不适用”）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="195"/>
        <source>%1: N/A is not allowed here.</source>
        <translation>%1：此项不能选“不适用”。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="196"/>
        <source>%1: a comment is required.</source>
        <translation>%1：必须填写评语。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="197"/>
        <source>%1: not a valid answer.</source>
        <translation>%1：答案无效。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="198"/>
        <source>%1: say why you change the check&apos;s answer.</source>
        <translation>%1：请说明更改自动检查结果的原因。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="204"/>
        <source>… and %n more.</source>
        <translation>
            <numerusform>……另有 %n 项。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="220"/>
        <source>The release time has passed: choose a later one, or release now.</source>
        <translation>发布时间已过：请选择更晚的时间，或立即发布。</translation>
    </message>
</context>
<context>
    <name>ScreenLockDialog</name>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="71"/>
        <source>Desk locked</source>
        <translation>坐席已锁定</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="74"/>
        <source>The desk is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="86"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="95"/>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="99"/>
        <source>Switch user</source>
        <translation>切换用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/screen_lock.py" line="110"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
</context>
<context>
    <name>ScreenPopPanel</name>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="27"/>
        <source>Caller</source>
        <translation>来电客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="47"/>
        <source>New customer with this number</source>
        <translation>以此号码新建客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="82"/>
        <source>No call</source>
        <translation>无来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="87"/>
        <source>Incoming call from %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="109"/>
        <source>Unknown number %1: no customer on record</source>
        <translation>陌生号码 %1：无客户档案</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="115"/>
        <source>%1 customer(s) with number %2</source>
        <translation>号码 %2 对应 %1 位客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="121"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="121"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="122"/>
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="122"/>
        <source>Tickets of the last 30 days</source>
        <translation>近30天工单</translation>
    </message>
</context>
<context>
    <name>ScriptEditorDialog</name>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="51"/>
        <source>Edit scripts</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="74"/>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="82"/>
        <source>TOML (advanced)</source>
        <translation>TOML（高级）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="93"/>
        <source>Preview with sample values</source>
        <translation>示例值预览</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="98"/>
        <source>Versions</source>
        <translation>版本记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="107"/>
        <source>New script</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="110"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="119"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="158"/>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="177"/>
        <source>Save a draft first, or close to drop the changes.</source>
        <translation>请先保存草稿，或关闭并放弃修改。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="163"/>
        <source>New script (not published yet)</source>
        <translation>新话术（尚未发布）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="191"/>
        <source>Version 0 (shipped with the app)</source>
        <translation>版本 0（随软件发布）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="192"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="192"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="194"/>
        <source>Version %1 (%2), changed by %3 at %4</source>
        <translation>版本 %1（%2），%3 修改于 %4</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="210"/>
        <source>No problems: ready to publish.</source>
        <translation>校验通过，可以发布。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="225"/>
        <source>Not saved: the script needs a valid id first.</source>
        <translation>未保存：请先填写有效的话术编号（id）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="234"/>
        <source>Draft saved as version %1.</source>
        <translation>草稿已保存为版本 %1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="247"/>
        <source>Not published: fix the problems first.</source>
        <translation>未发布：请先修正问题。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="254"/>
        <source>Version %1 published: agents see it from their next call.</source>
        <translation>版本 %1 已发布：坐席从下一通电话起使用。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="271"/>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="272"/>
        <source>This script has changes that are not saved. Close and drop them?</source>
        <translation>此话术有未保存的修改。关闭并放弃这些修改吗？</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="275"/>
        <source>Drop changes and close</source>
        <translation>放弃修改并关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="278"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ScriptForm</name>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="30"/>
        <source>On answering</source>
        <translation>接听时</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="31"/>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="32"/>
        <source>Back from hold</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="33"/>
        <source>Cannot answer at once</source>
        <translation>无法立即答复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="34"/>
        <source>Passing to a department</source>
        <translation>转交部门处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="35"/>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="36"/>
        <source>Fault triage</source>
        <translation>故障研判</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="37"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="38"/>
        <source>Outbound call</source>
        <translation>外呼</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="39"/>
        <source>Any time (found by search)</source>
        <translation>任意时候（检索使用）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="45"/>
        <source>agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="46"/>
        <source>unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="47"/>
        <source>customer&apos;s name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="48"/>
        <source>calling number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="49"/>
        <source>account number</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="50"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="51"/>
        <source>reply deadline</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="52"/>
        <source>department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="53"/>
        <source>ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="54"/>
        <source>callback reason</source>
        <translation>回访事由</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="55"/>
        <source>outage cause</source>
        <translation>停电原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="56"/>
        <source>expected restore time</source>
        <translation>预计恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="57"/>
        <source>outage area</source>
        <translation>停电范围</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="80"/>
        <source>category codes, e.g. fault_repair</source>
        <translation>业务类型代码，如 fault_repair</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="82"/>
        <source>words agents search by, separated by ，</source>
        <translation>坐席检索用的关键词，用“，”分隔</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="88"/>
        <source>Insert</source>
        <translation>插入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="95"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="96"/>
        <source>Offered at</source>
        <translation>使用环节</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="97"/>
        <source>For categories</source>
        <translation>适用业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="98"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="99"/>
        <source>Lines</source>
        <translation>话术内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/script_form.py" line="100"/>
        <source>Placeholder</source>
        <translation>占位符</translation>
    </message>
</context>
<context>
    <name>ScriptIntegration</name>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="106"/>
        <source>Scripts</source>
        <translation>话术库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="110"/>
        <source>&amp;Scripts</source>
        <translation>话术(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="113"/>
        <source>Find a script...</source>
        <translation>查找话术...</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="117"/>
        <source>Edit scripts (shift lead)...</source>
        <translation>编辑话术（值班长）...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/scripts/integration.py" line="136"/>
        <source>%n script file(s) refused; run &apos;callcenter scripts check&apos;.</source>
        <translation>
            <numerusform>%n 个话术文件未通过校验；请运行 &apos;callcenter scripts check&apos;。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="249"/>
        <source>No script for this moment.</source>
        <translation>此时没有适用的话术。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="283"/>
        <source>No guided script for this call.</source>
        <translation>本次通话没有适用的引导话术。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="360"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="364"/>
        <source>Only the shift lead can edit scripts.</source>
        <translation>只有值班长可以编辑话术。</translation>
    </message>
</context>
<context>
    <name>ScriptLibraryTab</name>
    <message>
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="73"/>
        <source>&amp;Search scripts:</source>
        <translation>搜索话术(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="77"/>
        <source>Words from the title, keywords or text</source>
        <translation>标题、关键词或正文中的字词</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="91"/>
        <source>Show in script panel (Enter)</source>
        <translation>显示到话术区 (Enter)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="94"/>
        <source>Pin / unpin (Ctrl+P)</source>
        <translation>置顶 / 取消置顶 (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="124"/>
        <source> (guided)</source>
        <translation>（引导式）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/scripts/library_tab.py" line="132"/>
        <source>%n script(s)</source>
        <translation>
            <numerusform>共 %n 条话术</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="50"/>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="71"/>
        <source>The greeting appears when you answer.</source>
        <translation>接听后显示开场白。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="106"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="117"/>
        <source>Cannot answer now</source>
        <translation>暂时不能答复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="107"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="118"/>
        <source>Pass to department</source>
        <translation>转交部门处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="108"/>
        <source>Complaint opener</source>
        <translation>投诉安抚开场</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="109"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="120"/>
        <source>Fault triage</source>
        <translation>故障报修分诊</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="110"/>
        <source>Outbound opening</source>
        <translation>外拨开场白</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="115"/>
        <source>Apologise first</source>
        <translation>先致歉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="115"/>
        <source>Greeting</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="116"/>
        <source>Before hold</source>
        <translation>保持前</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="117"/>
        <source>Back from hold</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="119"/>
        <source>Complaint: calm first</source>
        <translation>投诉：先安抚</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="120"/>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="111"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="116"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
</context>
<context>
    <name>ScriptProblems</name>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="19"/>
        <source>unknown setting “%1” (check its spelling)</source>
        <translation>未知的设置项“%1”（请检查拼写）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="21"/>
        <source>unknown placeholder {%1}: choose one from the list</source>
        <translation>未知的占位符 {%1}：请从列表中选择</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="23"/>
        <source>unknown phase “%1”: choose one from the list</source>
        <translation>未知的使用环节“%1”：请从列表中选择</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="24"/>
        <source>choose where it is offered</source>
        <translation>请选择使用环节</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="26"/>
        <source>unknown ticket category “%1”</source>
        <translation>未知的业务类型“%1”</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="27"/>
        <source>unknown condition “%1”</source>
        <translation>未知的条件“%1”</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="28"/>
        <source>the title is required</source>
        <translation>请填写标题</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="29"/>
        <source>the script&apos;s lines are required</source>
        <translation>请填写话术内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="31"/>
        <source>the id may hold only lower-case letters, digits, _ and -</source>
        <translation>编号只能由小写字母、数字、_ 和 - 组成</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="33"/>
        <source>the id must stay “%1” (calls refer to it)</source>
        <translation>编号必须保持为“%1”（通话记录引用它）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="35"/>
        <source>the id “%1” is already taken</source>
        <translation>编号“%1”已被使用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="37"/>
        <source>the order must be a whole number</source>
        <translation>排序必须是整数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="38"/>
        <source>%1 must be text</source>
        <translation>%1 必须是文字</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="40"/>
        <source>placeholder {%2} must be a plain name such as {agent_id}</source>
        <translation>占位符 {%2} 只能是简单名称，如 {agent_id}</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="42"/>
        <source>the text is not valid TOML here (a quote or bracket is missing)</source>
        <translation>此处不是有效的 TOML（缺少引号或括号）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/problem_text.py" line="56"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <location filename="../../callcenter/ui/handover/sections.py" line="35"/>
        <source>The lead&apos;s notes for this section</source>
        <translation>值班长对本项的说明</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/handover/sections.py" line="57"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 条</translation>
    </message>
</context>
<context>
    <name>SecurePause</name>
    <message>
        <location filename="../../callcenter/ui/replay/secure_pause.py" line="45"/>
        <source>Resume rec.</source>
        <translation>恢复录音</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/secure_pause.py" line="46"/>
        <source>Pause rec. (ID)</source>
        <translation>暂停录音（身份证号）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/replay/secure_pause.py" line="47"/>
        <source>Pause the recording while the customer gives an ID number, and resume it after (Ctrl+Shift+P)</source>
        <translation>客户报身份证号时暂停录音，报完后恢复（Ctrl+Shift+P）</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="21"/>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="46"/>
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="27"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="34"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="71"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/sign_in_dialog.py" line="85"/>
        <source>The agent ID must be 3 to 8 digits.</source>
        <translation>工号应为3至8位数字。</translation>
    </message>
</context>
<context>
    <name>SignInMessages</name>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="16"/>
        <source>This ID is locked after too many wrong passwords. Try again after %1.</source>
        <translation>密码错误次数过多，该工号已锁定，请于 %1 后再试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="20"/>
        <source>Wrong agent ID or password.</source>
        <translation>工号或密码不正确。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="22"/>
        <source>%1 more wrong password(s) lock the ID.</source>
        <translation>再错 %1 次将锁定该工号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="26"/>
        <source>Enter your agent ID.</source>
        <translation>请输入工号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="27"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="28"/>
        <location filename="../../callcenter/ui/auth/messages.py" line="36"/>
        <source>The password is too long (at most 128 characters).</source>
        <translation>密码过长（最多 128 个字符）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="30"/>
        <source>This ID is disabled. Ask an administrator.</source>
        <translation>该工号已停用，请联系管理员。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="32"/>
        <source>The new password must differ from the current one.</source>
        <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="34"/>
        <source>The new password needs at least 8 characters.</source>
        <translation>新密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="38"/>
        <source>Enter a new password.</source>
        <translation>请输入新密码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="39"/>
        <source>The password must not be your agent ID.</source>
        <translation>密码不能与工号相同。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="41"/>
        <source>The password contains a character that cannot be used.</source>
        <translation>密码含有不可使用的字符。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/messages.py" line="44"/>
        <source>Sign-in failed.</source>
        <translation>签入失败。</translation>
    </message>
</context>
<context>
    <name>SoftphoneBar</name>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="107"/>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="207"/>
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="109"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="113"/>
        <source>Busy</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="130"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="131"/>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="215"/>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="132"/>
        <source>Hang up</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="133"/>
        <source>Save &amp;&amp; ready</source>
        <translation>置闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="135"/>
        <source>Dispatch</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="140"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="142"/>
        <source>Consult</source>
        <translation>咨询转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="144"/>
        <source>Put through</source>
        <translation>完成转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="147"/>
        <source>Take back</source>
        <translation>取回</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="207"/>
        <source>Sign out</source>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="215"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="230"/>
        <source>From %1</source>
        <translation>来电：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="259"/>
        <source>Ring %1</source>
        <translation>第%1声</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="261"/>
        <source> (last ring: answer now)</source>
        <translation>（最后一声，请立即接听）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="263"/>
        <source> (over the ring limit: apologise first)</source>
        <translation>（超过振铃限制，须先致歉）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="270"/>
        <source>Talk %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="274"/>
        <source> (over target)</source>
        <translation>（超时）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="279"/>
        <source>Wrap-up %1</source>
        <translation>话后 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="284"/>
        <source> (overdue)</source>
        <translation>（超时）</translation>
    </message>
</context>
<context>
    <name>StatsLabel</name>
    <message>
        <location filename="../../callcenter/ui/calls/stats_bar.py" line="25"/>
        <source>Calls this shift: %1 · Answered within ring limit: %2 · Average talk: %3 · Wrap-up within target: %4</source>
        <translation>本班来电：%1 · 三声内接起率：%2 · 平均通话：%3 · 话后处理达标率：%4</translation>
    </message>
</context>
<context>
    <name>SyncConflicts</name>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="65"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="66"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="67"/>
        <source>Account</source>
        <translation>用电户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="68"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="69"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="70"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="71"/>
        <source>Callback</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="72"/>
        <source>Emergency notice</source>
        <translation>紧急公告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="73"/>
        <source>Outage</source>
        <translation>停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="74"/>
        <source>Outage area</source>
        <translation>停电范围</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="75"/>
        <source>Ticket–outage link</source>
        <translation>工单停电关联</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="81"/>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="82"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="83"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="84"/>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="85"/>
        <source>Taken at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="86"/>
        <source>Back-filled</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="87"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="88"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="89"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="90"/>
        <source>Cause</source>
        <translation>停电原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="91"/>
        <source>Area</source>
        <translation>停电范围</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="110"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="113"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="114"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="234"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="241"/>
        <source>Another desk changed the same data first; central kept its values. Choose for each record: keep your values (they are sent again), take central&apos;s, or dismiss. Records central refused are listed too: clean and resend them, or dismiss to keep them on this desk only.</source>
        <translation>另一坐席先修改了同一数据，中心库保留了它的值。请逐条选择：保留我的值（将重新发送）、采用中心库的值，或忽略。被中心库拒绝的记录也列在这里：清理后重新发送，或忽略（只保留在本机）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="269"/>
        <source>Keep &amp;mine</source>
        <translation>保留我的值(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="270"/>
        <source>Take &amp;central&apos;s</source>
        <translation>采用中心库的值(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="272"/>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="273"/>
        <source>Clean and re&amp;send</source>
        <translation>清理后重新发送(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="274"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="275"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="308"/>
        <source>Could not read the conflicts: </source>
        <translation>无法读取同步冲突：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="319"/>
        <source>No open conflicts.</source>
        <translation>没有待处理的同步冲突。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="339"/>
        <source>This record still has local changes waiting to be sent to central. Let sync finish, then choose again.</source>
        <translation>此记录还有本地修改尚未发送到中心库。请等同步完成后再选择。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="341"/>
        <source>Central&apos;s latest values have not been fetched since this conflict was found. Let sync finish, then choose again.</source>
        <translation>发现此冲突后尚未取回中心库的最新值。请等同步完成后再选择。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="343"/>
        <source>Central has another record with the same key. Sort out the two records, then dismiss this conflict.</source>
        <translation>中心库有一条编号相同的另一记录。请先核对这两条记录，再忽略此冲突。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="345"/>
        <source>This conflict was already resolved.</source>
        <translation>此冲突已经处理过了。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="346"/>
        <source>This record no longer exists.</source>
        <translation>此记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="347"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="348"/>
        <source>Central refused these records. Clean and resend them, or dismiss to keep them on this desk only.</source>
        <translation>中心库拒绝了这些记录。请清理后重新发送，或忽略（记录只保留在本机）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="350"/>
        <source>Only records central refused can be resent.</source>
        <translation>只有被中心库拒绝的记录可以重新发送。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="376"/>
        <source>Could not save the choice: </source>
        <translation>无法保存所做的选择：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="379"/>
        <source>Your values were kept; they go to central with the next sync.</source>
        <translation>已保留我的值，将在下次同步时发送到中心库。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="380"/>
        <source>Central&apos;s values were taken.</source>
        <translation>已采用中心库的值。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="381"/>
        <source>The conflict was dismissed.</source>
        <translation>已忽略此冲突。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="382"/>
        <source>The records were cleaned; they go to central with the next sync.</source>
        <translation>已清理这些记录，将在下次同步时发送到中心库。</translation>
    </message>
</context>
<context>
    <name>SyncFeature</name>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="232"/>
        <source>The site published new settings (profile or calendar); they take effect when the app is restarted.</source>
        <translation>站点已发布新的配置（站点参数或工作日历），重启本软件后生效。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="70"/>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="72"/>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="74"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="128"/>
        <source>Central not configured</source>
        <translation>未配置中心库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="135"/>
        <source>central unreachable</source>
        <translation>无法连接中心库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="136"/>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="137"/>
        <source>upgrade needed</source>
        <translation>需要升级</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="138"/>
        <source>sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="140"/>
        <source>Offline (%1)</source>
        <translation>离线（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="142"/>
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="143"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="144"/>
        <source>Version too old</source>
        <translation>版本过旧</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="145"/>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="160"/>
        <source>This desk does not sync: no central database URL is set (callcenter sync set-password --central URL).</source>
        <translation>本坐席不同步：未设置中心库地址（callcenter sync set-password --central URL）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="172"/>
        <source>Queued: %1</source>
        <translation>待同步 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="174"/>
        <source>Last sync: never</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="178"/>
        <source>Last sync: %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="181"/>
        <source>Conflicts: %1</source>
        <translation>冲突 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="182"/>
        <source>Open the sync conflicts</source>
        <translation>打开同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="185"/>
        <source>Refused by central: %1</source>
        <translation>被中心库拒绝 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="187"/>
        <source>Central refused these records; everything else keeps syncing. Open to clean and resend them or keep them on this desk only.</source>
        <translation>中心库拒绝了这些记录，其余数据照常同步。打开后可清理并重新发送，或只保留在本机。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="203"/>
        <source>(oldest %1 ago)</source>
        <translation>（最早 %1前）</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="33"/>
        <source>Complaint review tasks (1 working day)</source>
        <translation>投诉质检任务（1个工作日内）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="38"/>
        <source>Agent ID complained about</source>
        <translation>被投诉坐席工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="40"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="41"/>
        <source>Make task</source>
        <translation>生成任务</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="43"/>
        <source>Choose a call whose ticket is a complaint</source>
        <translation>请选择工单为投诉的通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="57"/>
        <source>Outcome (required to close)</source>
        <translation>处理结果（关闭时必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="58"/>
        <source>Close task</source>
        <translation>关闭任务</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="77"/>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="78"/>
        <source>due soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/tasks_panel.py" line="80"/>
        <source>%1 · agent %2 · due %3</source>
        <translation>%1 · 坐席 %2 · %3 前完成</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="75"/>
        <source>Replay the call…</source>
        <translation>回放通话…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="89"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="95"/>
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="97"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="102"/>
        <source>Departed at</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="102"/>
        <source>Arrived at</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="103"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="103"/>
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="104"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="111"/>
        <source>time, e.g. 10:35</source>
        <translation>时间，如 10:35</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="136"/>
        <source>urged %1 time(s)</source>
        <translation>已催办%1次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="138"/>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="139"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="140"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="166"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="181"/>
        <source>ticket %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="228"/>
        <source>The reply is incomplete: write the result for the customer.</source>
        <translation>回复不完整：请填写给客户的处理结果。</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="112"/>
        <source>Fields marked * are required.</source>
        <translation>带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="129"/>
        <source>What the customer needs, in their words.</source>
        <translation>按客户原话记录诉求。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="156"/>
        <source>Dispatch</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="205"/>
        <location filename="../../callcenter/ui/tickets/form.py" line="288"/>
        <source>Choose…</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="254"/>
        <source>{count} / {limit} — too long</source>
        <translation>{count} / {limit} — 超出字数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="257"/>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="288"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="323"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="247"/>
        <location filename="../../callcenter/ui/tickets/form.py" line="390"/>
        <source>Other fields to correct: {count} (marked with ⚠).</source>
        <translation>另有{count}项需修改（已用⚠标出）。</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="96"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="96"/>
        <source>Created</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="97"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="98"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="98"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="99"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="99"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="100"/>
        <source>Content</source>
        <translation>受理内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="100"/>
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="101"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="104"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="104"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="105"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="105"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="106"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="106"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="108"/>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="109"/>
        <source>near deadline</source>
        <translation>临期</translation>
    </message>
</context>
<context>
    <name>TicketListView</name>
    <message>
        <location filename="../../callcenter/ui/tickets/list_integration.py" line="52"/>
        <source>Tickets</source>
        <translation>工单查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="70"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="70"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="71"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="71"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="73"/>
        <source>Number / phone / account / meter</source>
        <translation>工单号 / 电话 / 户号 / 表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="75"/>
        <source>Content or address text</source>
        <translation>受理内容或地址关键字</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="76"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="79"/>
        <source>All categories</source>
        <translation>全部业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="82"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="86"/>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="88"/>
        <source>Created between</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="97"/>
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="100"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="101"/>
        <source>Clear</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="252"/>
        <source>Searching...</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="257"/>
        <source>No tickets found.</source>
        <translation>没有找到工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="259"/>
        <source>%1 tickets shown; scroll down for more.</source>
        <translation>已显示 %1 张工单，向下滚动加载更多。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="261"/>
        <source>%1 tickets found.</source>
        <translation>共找到 %1 张工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="264"/>
        <source>Tip: type 3 or more characters for a fast text search.</source>
        <translation>提示：输入 3 个及以上字符可快速检索内容或地址。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="268"/>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
</context>
<context>
    <name>TransferControls</name>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="57"/>
        <source>That is no desk number or SIP user.</source>
        <translation>这不是有效的坐席号或 SIP 用户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="59"/>
        <source>The call cannot be transferred now.</source>
        <translation>当前不能转接此通话。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="65"/>
        <source>That is not possible in the current state.</source>
        <translation>当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="84"/>
        <source>calling</source>
        <translation>呼叫中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="85"/>
        <source>ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="86"/>
        <source>answered</source>
        <translation>已接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="87"/>
        <source>refused (%1): take the customer back</source>
        <translation>拒接（%1）：请取回客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="89"/>
        <source>putting through</source>
        <translation>正在转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="91"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="91"/>
        <source>Consult transfer</source>
        <translation>咨询转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_controls.py" line="92"/>
        <source>⇄ %1 %2: %3</source>
        <translation>⇄ %1 %2：%3</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="38"/>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="38"/>
        <source>Consult transfer</source>
        <translation>咨询转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="41"/>
        <source>The customer is put through to the target at once; if the target does not answer, the customer stays with you.</source>
        <translation>客户将直接转给目标；目标未接听时，客户仍由您接待。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="43"/>
        <source>The customer is put on hold while you call the target; then complete the transfer (F12) or take the customer back (Shift+F11).</source>
        <translation>呼叫目标期间客户处于保持状态；之后可完成转接（F12）或取回客户（Shift+F11）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="54"/>
        <source>&amp;Target (choose, or type a desk number):</source>
        <translation>转接目标（选择或输入坐席号）(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="65"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="65"/>
        <source>Call the target</source>
        <translation>呼叫目标</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="68"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/transfer_dialog.py" line="100"/>
        <source>Choose a target, or type a desk number or SIP user (digits and letters, no spaces).</source>
        <translation>请选择转接目标，或输入坐席号 / SIP 用户（字母和数字，不含空格）。</translation>
    </message>
</context>
<context>
    <name>TriageWidget</name>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="57"/>
        <source>Back (Backspace)</source>
        <translation>上一步 (Backspace)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="67"/>
        <source>Dispatch a repair</source>
        <translation>派发抢修</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="68"/>
        <source>Explain the property boundary</source>
        <translation>解释产权分界</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="69"/>
        <source>Known outage: read out the cause and restore time</source>
        <translation>已知停电：告知停电原因和预计恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="70"/>
        <source>Arrears: explain payment and reconnection</source>
        <translation>欠费：告知缴费与复电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/triage_widget.py" line="71"/>
        <source>Solved on the phone: record it</source>
        <translation>电话中已解决：记录即可</translation>
    </message>
</context>
<context>
    <name>UsersAdmin</name>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="36"/>
        <source>The ID must be 3 to 8 digits.</source>
        <translation>工号须为 3 至 8 位数字。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="37"/>
        <source>This ID already exists.</source>
        <translation>该工号已存在。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="38"/>
        <source>No such user.</source>
        <translation>没有该用户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="39"/>
        <source>Enter a name (at most 50 characters).</source>
        <translation>请填写姓名（最多 50 个字符）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="40"/>
        <source>Choose a role.</source>
        <translation>请选择角色。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="41"/>
        <source>A department user needs a department; others none.</source>
        <translation>部门用户须选择部门；其他角色不选部门。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="43"/>
        <source>The team has at most 32 characters.</source>
        <translation>班组最多 32 个字符。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="44"/>
        <source>Enter a password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="45"/>
        <source>The password is too long (at most 128 characters).</source>
        <translation>密码过长（最多 128 个字符）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="47"/>
        <source>The password needs at least 8 characters.</source>
        <translation>密码至少需要 8 个字符。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="49"/>
        <source>The password must not be the ID.</source>
        <translation>密码不能与工号相同。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="50"/>
        <source>The password contains a character that cannot be used.</source>
        <translation>密码含有不可使用的字符。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="52"/>
        <source>Only an administrator manages users.</source>
        <translation>只有管理员可以管理用户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="53"/>
        <source>You cannot disable your own ID.</source>
        <translation>不能停用自己的工号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="54"/>
        <source>The change was refused.</source>
        <translation>修改未被接受。</translation>
    </message>
</context>
<context>
    <name>UsersAdminFeature</name>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="119"/>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="152"/>
        <source>The store could not be written; nothing changed. Try again.</source>
        <translation>无法写入本地数据，未做任何修改，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="176"/>
        <source>User added.</source>
        <translation>已新增用户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="186"/>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="214"/>
        <source>Select a user first.</source>
        <translation>请先选择用户。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="197"/>
        <source>Password reset.</source>
        <translation>密码已重置。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="221"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>UsersAdminView</name>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="64"/>
        <source>Add user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="66"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="68"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_admin.py" line="70"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="18"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="19"/>
        <source>Shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="20"/>
        <source>QA reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="21"/>
        <source>Department user</source>
        <translation>部门用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="22"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="32"/>
        <source>ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="32"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="32"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="33"/>
        <source>Team / department</source>
        <translation>班组/部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="33"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="55"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="57"/>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="60"/>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/users_model.py" line="61"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="48"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/auth/user_dialogs.py" line="58"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>_QuestionRow</name>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="57"/>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="63"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="65"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="66"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="73"/>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="78"/>
        <source>Comment (required)</source>
        <translation>评语（必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="79"/>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/qa/score_dialog.py" line="83"/>
        <source>Why you change the check&apos;s answer</source>
        <translation>更改自动检查结果的原因</translation>
    </message>
</context>
</TS>
