<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertsView</name>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="58"/>
        <source>Alerts for the shift lead</source>
        <translation>值班长提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="86"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="171"/>
        <source>Repeat complaint, earlier ticket not resolved: %1</source>
        <translation>重复投诉，原工单尚未解决：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="175"/>
        <source>Reported by %1 at %2</source>
        <translation>报告人 %1，时间 %2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="190"/>
        <source>⚠ Open alerts: %1</source>
        <translation>⚠ 待处理提醒：%1 条</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/alerts/view.py" line="191"/>
        <source>No open alerts.</source>
        <translation>暂无待处理提醒。</translation>
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
    <name>CallbackFeature</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="57"/>
        <source>Callbacks due: %1</source>
        <translation>待回访：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="59"/>
        <source>(⚠ %1 overdue)</source>
        <translation>（⚠ 超期%1条）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/integration.py" line="82"/>
        <source>Callbacks</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>CallbackQueueModel</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="66"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="66"/>
        <source>Due</source>
        <translation>回访时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="66"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="67"/>
        <source>Attempts</source>
        <translation>外呼次数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="67"/>
        <source>Assigned to</source>
        <translation>回访坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="67"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="68"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="68"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="70"/>
        <source>Waiting</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="70"/>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="71"/>
        <source>Not satisfied (reopened)</source>
        <translation>不满意（已重新下发）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="72"/>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="72"/>
        <source>Handled elsewhere</source>
        <translation>已在他处处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="74"/>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="75"/>
        <source>Retry at %1</source>
        <translation>预约%1重拨</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_model.py" line="76"/>
        <source>(free)</source>
        <translation>（未领取）</translation>
    </message>
</context>
<context>
    <name>CallbackQueueView</name>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="93"/>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="202"/>
        <source>Sign in to take and record callbacks.</source>
        <translation>请先签入，再领取和记录回访。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="119"/>
        <source>Open callbacks</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="120"/>
        <source>Mine</source>
        <translation>我的回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="121"/>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="122"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="125"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="138"/>
        <source>Ta&amp;ke</source>
        <translation>领取(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="140"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="143"/>
        <source>&amp;Assign</source>
        <translation>指派(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="151"/>
        <source>Note (required when not satisfied)</source>
        <translation>回访备注（不满意时必填）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="154"/>
        <source>Reached, &amp;satisfied</source>
        <translation>已联系：满意(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="156"/>
        <source>Reached, &amp;not satisfied</source>
        <translation>已联系：不满意(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="159"/>
        <source>Not &amp;reached, retry at</source>
        <translation>未联系上，预约重拨(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="174"/>
        <source>Opening (say it first):</source>
        <translation>外拨开场白（先说）：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="176"/>
        <source>Department reply and earlier attempts:</source>
        <translation>部门回复与历次回访：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="268"/>
        <source>Could not load the callback queue: %1</source>
        <translation>无法读取回访队列：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="280"/>
        <source>%1 callbacks</source>
        <translation>共%1条回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="282"/>
        <source>(first %1 shown)</source>
        <translation>（显示前%1条）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="306"/>
        <source>Could not open the callback: %1</source>
        <translation>无法打开回访任务：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="328"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="328"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="329"/>
        <source>Departed</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="329"/>
        <source>Arrived</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="330"/>
        <source>Power restored</source>
        <translation>恢复送电时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="331"/>
        <source>Customer&apos;s request: %1</source>
        <translation>客户诉求：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="332"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="335"/>
        <source>reached, satisfied</source>
        <translation>已联系，满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="336"/>
        <source>reached, not satisfied</source>
        <translation>已联系，不满意</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="337"/>
        <source>not reached</source>
        <translation>未联系上</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="339"/>
        <source>Attempt %1/%2</source>
        <translation>第%1/%2次外呼</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="385"/>
        <source>Callback for %1 is now with %2.</source>
        <translation>工单%1的回访已交由%2号坐席。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="396"/>
        <source>%1: not reached %2 times; recorded as unreachable.</source>
        <translation>%1：%2次未联系上，已记为无法联系。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="400"/>
        <source>%1: not reached; try again at %2.</source>
        <translation>%1：未联系上，请于%2再次外呼。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="403"/>
        <source>%1: customer satisfied; callback recorded.</source>
        <translation>%1：客户满意，回访已记录。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="405"/>
        <source>%1: customer not satisfied; the ticket is dispatched again.</source>
        <translation>%1：客户不满意，工单已重新下发。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="422"/>
        <source>This callback changed meanwhile; the list is refreshed. Try again.</source>
        <translation>该回访任务已被他人更新，列表已刷新，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="425"/>
        <source>The ticket has changed and can no longer be called back from here; the list is refreshed.</source>
        <translation>该工单状态已变化，无法在此回访，列表已刷新。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="429"/>
        <source>Not saved (database: %1). Your note is kept; try again.</source>
        <translation>未保存（数据库：%1），备注已保留，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="432"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="437"/>
        <source>Enter the ID of an agent to assign the callback to.</source>
        <translation>请输入要指派的坐席工号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="438"/>
        <source>This callback is already finished.</source>
        <translation>该回访任务已结束。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="439"/>
        <source>This callback is assigned to another agent.</source>
        <translation>该回访任务已指派给其他坐席。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="440"/>
        <source>Write down why the customer is not satisfied.</source>
        <translation>请记录客户不满意的原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/callbacks/queue_view.py" line="441"/>
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
    <name>ConflictModel</name>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="147"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="147"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="147"/>
        <source>My value</source>
        <translation>我的值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="148"/>
        <source>Central&apos;s value</source>
        <translation>中心库的值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="148"/>
        <source>Found at</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="148"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="158"/>
        <source>Another record here has the same key</source>
        <translation>本地已有同一编号的另一条记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="160"/>
        <source>Local changes not yet sent</source>
        <translation>本地修改尚未发送</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="162"/>
        <source>Waiting for central&apos;s latest values</source>
        <translation>等待取回中心库的最新值</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="163"/>
        <source>Changed on another desk too</source>
        <translation>另一坐席也修改了此项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="184"/>
        <source>(another local record)</source>
        <translation>（本地另一条记录）</translation>
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
        <location filename="../../callcenter/ui/tickets/department_view.py" line="98"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="117"/>
        <source>Sign in as a department user to see your department&apos;s tickets.</source>
        <translation>以部门用户签入后可查看本部门工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="120"/>
        <source>Tickets dispatched to %1</source>
        <translation>下发至%1的工单</translation>
    </message>
</context>
<context>
    <name>DuplicatesDesk</name>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="112"/>
        <source>Repeat complaint not yet resolved: the shift lead has been alerted.</source>
        <translation>重复投诉尚未解决：已报告当值负责人。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="119"/>
        <source>Urging is possible after the call ends (wrap-up).</source>
        <translation>通话结束后（话后处理时）才能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="146"/>
        <source>the ticket is already closed</source>
        <translation>该工单已办结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="147"/>
        <source>your role may not urge tickets</source>
        <translation>您的角色不能催办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="148"/>
        <source>the database did not take the write</source>
        <translation>数据库未能写入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="149"/>
        <source>The urge was NOT recorded (%1); nothing changed.</source>
        <translation>催办未记录（%1），未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_integration.py" line="158"/>
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
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="101"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="101"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="101"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="102"/>
        <source>Same</source>
        <translation>相同项</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="116"/>
        <source>Record this call as an urge on the selected ticket</source>
        <translation>将本次来电记为对所选工单的催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="205"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="205"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="206"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="206"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="207"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="207"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="212"/>
        <source>saved</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="212"/>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="213"/>
        <source>dispatched</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="213"/>
        <source>accepted by the department</source>
        <translation>部门接单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="214"/>
        <source>replied</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="214"/>
        <source>urged</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="215"/>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="215"/>
        <source>called back</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="216"/>
        <source>reopened after callback</source>
        <translation>回访不满意重新下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="217"/>
        <source>archived</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="217"/>
        <source>closed on the call</source>
        <translation>当场办结</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="221"/>
        <source>account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="221"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="222"/>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="243"/>
        <source>Earlier tickets of this caller (last %1 days): %2</source>
        <translation>该客户近%1天的历史工单：%2 张</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="264"/>
        <source>⚠ Repeat complaint. Ticket %1 was resolved; read its reply to the customer:</source>
        <translation>⚠ 重复投诉。工单 %1 已处理完毕，请向客户宣读其答复：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="266"/>
        <source>(no reply text recorded)</source>
        <translation>（未记录答复内容）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="271"/>
        <source>⚠ Repeat complaint. Ticket %1 is not resolved yet: %2, department %3, deadline %4.</source>
        <translation>⚠ 重复投诉。工单 %1 尚未解决：%2，处理部门 %3，处理时限 %4。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="281"/>
        <source>The shift lead has been alerted.</source>
        <translation>已立即报告当值负责人。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="299"/>
        <source>This ticket is closed: it cannot be urged.</source>
        <translation>该工单已办结，不能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="301"/>
        <source>Urging is possible after the call ends (wrap-up).</source>
        <translation>通话结束后（话后处理时）才能催办。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/duplicates_panel.py" line="303"/>
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
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="40"/>
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="43"/>
        <source>{field} is too long.</source>
        <translation>{field}过长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="44"/>
        <source>{field} is too long: at most {limit} characters.</source>
        <translation>{field}过长：最多{limit}个字。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="48"/>
        <source>{field} is not a valid mainland mobile number (11 digits, e.g. 13800138000) or landline number with area code (e.g. 0731-84567890).</source>
        <translation>{field}不是有效的号码：手机号为11位（如13800138000），固定电话需带区号（如0731-84567890）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="54"/>
        <source>{field} must be the 10-digit account number on the payment card.</source>
        <translation>{field}应为缴费卡上的10位户号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="58"/>
        <source>{field} must be the letters and digits printed on the meter nameplate (6 to 24 characters, no spaces).</source>
        <translation>{field}应为电能表铭牌上的字母和数字（6至24位，不含空格）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="64"/>
        <source>Please choose a {field} from the list.</source>
        <translation>请从列表中选择{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="69"/>
        <source>The deadline must be between 1 and {limit} days.</source>
        <translation>处理时限应在1至{limit}天之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="73"/>
        <source>{field} must be between 1 and {limit}.</source>
        <translation>{field}应在1至{limit}之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="76"/>
        <source>{field} is out of range.</source>
        <translation>{field}超出范围。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="79"/>
        <source>The call time cannot be in the future.</source>
        <translation>来电时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="80"/>
        <source>{field} cannot be in the future.</source>
        <translation>{field}不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/field_messages.py" line="83"/>
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
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
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="74"/>
        <source>Not possible in the ticket&apos;s current state.</source>
        <translation>工单当前状态下不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="75"/>
        <source>Your role may not do this.</source>
        <translation>您的角色无权进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="76"/>
        <source>This ticket belongs to another department.</source>
        <translation>此工单属于其他部门。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="78"/>
        <source>Only inquiries, opinions, suggestions and praise can be closed on the call.</source>
        <translation>只有咨询、意见、建议和表扬可以当场办结。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="80"/>
        <source>The reply is incomplete: repairs need departure, arrival, cause, restore time and result.</source>
        <translation>回复不完整：抢修工单需填写出发时间、到达时间、故障原因、恢复时间和处理结果。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="83"/>
        <source>Choose a department.</source>
        <translation>请选择部门。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="84"/>
        <source>Someone else changed this ticket meanwhile. It has been reloaded; what you typed is kept — check and try again.</source>
        <translation>此工单已被他人修改，已重新加载；您填写的内容已保留，请核对后重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_labels.py" line="87"/>
        <source>The database refused the change; try again.</source>
        <translation>数据库未能保存此次修改，请重试。</translation>
    </message>
</context>
<context>
    <name>LifecycleController</name>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_integration.py" line="48"/>
        <source>Department desk</source>
        <translation>部门工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/lifecycle_integration.py" line="105"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="49"/>
        <source>95598 agent desk</source>
        <translation>95598 坐席工作台</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="86"/>
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="98"/>
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="101"/>
        <source>Back-fill a ticket...</source>
        <translation>补录工单…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="168"/>
        <source>That is not possible in the current state.</source>
        <translation>当前状态下不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="210"/>
        <source>A ticket is saved after the call ends.</source>
        <translation>通话结束后才能保存工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="216"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="270"/>
        <source>Missed call from %1: it went back to the queue and you are now busy (missed call). Press F3 when you are ready.</source>
        <translation>未接来电 %1：来电已退回队列，您已被置为示忙（未接来电）。准备好后请按 F3 示闲。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="274"/>
        <source>The caller hung up before you answered.</source>
        <translation>客户在接听前已挂机。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="289"/>
        <source>Ticket %1 saved.</source>
        <translation>工单 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="293"/>
        <source>The database is busy (locked by another program).</source>
        <translation>数据库忙（被其他程序锁定）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="294"/>
        <source>The database file is read-only.</source>
        <translation>数据库文件为只读。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="295"/>
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="296"/>
        <source>The database reported an error.</source>
        <translation>数据库出错。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="300"/>
        <source>The ticket was NOT saved: </source>
        <translation>工单未保存：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="301"/>
        <source> Everything you typed is kept; try again.</source>
        <translation>您填写的内容都已保留，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/main_window.py" line="310"/>
        <source>Could not record a call event: </source>
        <translation>无法记录通话事件：</translation>
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
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="77"/>
        <source>Address (partial is fine)</source>
        <translation>地址（可只输入部分）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="78"/>
        <source>Account number</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="79"/>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="83"/>
        <source>Feeder</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="80"/>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="84"/>
        <source>Transformer area</source>
        <translation>台区</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="81"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="82"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="86"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="99"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="100"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="112"/>
        <source>Lookup</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="120"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="147"/>
        <source>Searching...</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="152"/>
        <source>%1 outage(s) found</source>
        <translation>找到 %1 条停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="153"/>
        <source>No known outage matches.</source>
        <translation>没有匹配的停电信息。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="159"/>
        <source>Active (%1)</source>
        <translation>正在停电（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="159"/>
        <source>Upcoming (%1)</source>
        <translation>即将停电（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/lookup_panel.py" line="160"/>
        <source>Recently restored (%1)</source>
        <translation>近期已恢复（%1）</translation>
    </message>
</context>
<context>
    <name>OutageDesk</name>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="80"/>
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
        <location filename="../../callcenter/ui/outages/integration.py" line="186"/>
        <source>The caller is inside an active outage: link the ticket or give a reason.</source>
        <translation>来电客户在正在停电的范围内：请关联停电，或填写仍要下发的原因。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="223"/>
        <source>Outages: %1 active · %2 upcoming · %3 restored</source>
        <translation>停电：正在 %1 · 即将 %2 · 已恢复 %3</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="234"/>
        <source>Import outage list</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="235"/>
        <source>Outage lists (*.csv *.xlsx)</source>
        <translation>停电信息表 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="244"/>
        <source>Only the shift lead imports the outage list.</source>
        <translation>只有值班长可以导入停电信息。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/integration.py" line="258"/>
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
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="44"/>
        <source>Row %1, column %2: %3</source>
        <translation>第 %1 行，“%2”列：%3</translation>
    </message>
</context>
<context>
    <name>OutageImportDialog</name>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="56"/>
        <source>Import outages</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="76"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="80"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="95"/>
        <source>Importing %1...</source>
        <translation>正在导入 %1……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="115"/>
        <source>Cancelling...</source>
        <translation>正在取消……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="124"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="126"/>
        <source>%1 problem(s) found: nothing was imported.</source>
        <translation>发现 %1 处问题：未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/import_dialog.py" line="132"/>
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
        <location filename="../../callcenter/ui/outages/texts.py" line="35"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="36"/>
        <source>Transformer area</source>
        <translation>台区</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="37"/>
        <source>Feeder</source>
        <translation>线路</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="38"/>
        <source>Address inside scope</source>
        <translation>地址在停电范围内</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="39"/>
        <source>Scope inside searched area</source>
        <translation>停电范围在查询区域内</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="48"/>
        <source>expected restore %1</source>
        <translation>预计 %1 恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/outages/texts.py" line="52"/>
        <source>announced less than 7 days ahead</source>
        <translation>计划停电公告不足7天</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="15"/>
        <source>open this ticket</source>
        <translation>打开这张工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="16"/>
        <source>save tickets</source>
        <translation>保存工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="17"/>
        <source>edit tickets</source>
        <translation>修改工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="18"/>
        <source>dispatch tickets</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="19"/>
        <source>accept tickets</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="20"/>
        <source>reply to tickets</source>
        <translation>回复工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="21"/>
        <source>urge tickets</source>
        <translation>催办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="22"/>
        <source>supervise tickets</source>
        <translation>督办工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="23"/>
        <source>close tickets on the call</source>
        <translation>当场办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="25"/>
        <source>archive tickets</source>
        <translation>归档工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="26"/>
        <source>make callbacks</source>
        <translation>进行回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="27"/>
        <source>assign callbacks</source>
        <translation>分派回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="28"/>
        <source>alert the shift lead</source>
        <translation>提醒值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="29"/>
        <source>read the shift lead&apos;s alerts</source>
        <translation>查看值班长提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="31"/>
        <source>raise the emergency banner</source>
        <translation>发布紧急通告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="32"/>
        <source>clear the emergency banner</source>
        <translation>撤销紧急通告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="33"/>
        <source>confirm the shift handover</source>
        <translation>确认交接班</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="34"/>
        <source>import outage lists</source>
        <translation>导入停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="35"/>
        <source>edit scripts</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="36"/>
        <source>publish scripts</source>
        <translation>发布话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="37"/>
        <source>publish site documents</source>
        <translation>发布站点配置</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="38"/>
        <source>read QA reviews</source>
        <translation>查看质检结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="39"/>
        <source>score QA reviews</source>
        <translation>质检评分</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="40"/>
        <source>read your QA reviews</source>
        <translation>查看本人质检结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="41"/>
        <source>show full personal data</source>
        <translation>查看完整个人信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="42"/>
        <source>export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="43"/>
        <source>resolve sync conflicts</source>
        <translation>处理同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="44"/>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="51"/>
        <source>agent</source>
        <translation>客户代表</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="52"/>
        <source>shift lead</source>
        <translation>值班长</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="53"/>
        <source>department user</source>
        <translation>处理部门用户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="54"/>
        <source>QA reviewer</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="55"/>
        <source>administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="63"/>
        <source>Sign in first: you may not %1 without signing in.</source>
        <translation>请先签入：未签入不能%1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="66"/>
        <source>This ticket belongs to another department; you may not %1 for it.</source>
        <translation>这张工单属于其他部门，您不能%1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/shared/refusals.py" line="69"/>
        <source>Your role (%1) may not %2; nothing was changed.</source>
        <translation>您的角色（%1）无权%2，未做任何更改。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="52"/>
        <source>Number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="52"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="52"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="52"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="53"/>
        <source>Address / content</source>
        <translation>地址 / 内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="73"/>
        <source>overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/department_view.py" line="75"/>
        <source>near deadline</source>
        <translation>临期</translation>
    </message>
</context>
<context>
    <name>ScreenPopPanel</name>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="26"/>
        <source>Caller</source>
        <translation>来电客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="44"/>
        <source>New customer with this number</source>
        <translation>以此号码新建客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="74"/>
        <source>No call</source>
        <translation>无来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="79"/>
        <source>Incoming call from %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="97"/>
        <source>Unknown number %1: no customer on record</source>
        <translation>陌生号码 %1：无客户档案</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="103"/>
        <source>%1 customer(s) with number %2</source>
        <translation>号码 %2 对应 %1 位客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="108"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="108"/>
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="109"/>
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/screen_pop_panel.py" line="109"/>
        <source>Tickets of the last 30 days</source>
        <translation>近30天工单</translation>
    </message>
</context>
<context>
    <name>ScriptEditorDialog</name>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="43"/>
        <source>Edit scripts</source>
        <translation>编辑话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="76"/>
        <source>Preview with sample values</source>
        <translation>示例值预览</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="81"/>
        <source>Versions</source>
        <translation>版本记录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="90"/>
        <source>New script</source>
        <translation>新建话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="93"/>
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="102"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="105"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="143"/>
        <source>New script (not published yet)</source>
        <translation>新话术（尚未发布）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="162"/>
        <source>Version 0 (shipped with the app)</source>
        <translation>版本 0（随软件发布）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="163"/>
        <source>published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="163"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="165"/>
        <source>Version %1 (%2), changed by %3 at %4</source>
        <translation>版本 %1（%2），%3 修改于 %4</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="181"/>
        <source>No problems: ready to publish.</source>
        <translation>校验通过，可以发布。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="191"/>
        <source>Not saved: the script needs a valid id first.</source>
        <translation>未保存：请先填写有效的话术编号（id）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="199"/>
        <source>Draft saved as version %1.</source>
        <translation>草稿已保存为版本 %1。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="212"/>
        <source>Not published: fix the problems first.</source>
        <translation>未发布：请先修正问题。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/editor_dialog.py" line="218"/>
        <source>Version %1 published: agents see it from their next call.</source>
        <translation>版本 %1 已发布：坐席从下一通电话起使用。</translation>
    </message>
</context>
<context>
    <name>ScriptIntegration</name>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="103"/>
        <source>Scripts</source>
        <translation>话术库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="107"/>
        <source>&amp;Scripts</source>
        <translation>话术(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="110"/>
        <source>Find a script...</source>
        <translation>查找话术...</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="114"/>
        <source>Edit scripts (shift lead)...</source>
        <translation>编辑话术（值班长）...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../callcenter/ui/scripts/integration.py" line="133"/>
        <source>%n script file(s) refused; run &apos;callcenter scripts check&apos;.</source>
        <translation>
            <numerusform>%n 个话术文件未通过校验；请运行 &apos;callcenter scripts check&apos;。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="241"/>
        <source>No script for this moment.</source>
        <translation>此时没有适用的话术。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="275"/>
        <source>No guided script for this call.</source>
        <translation>本次通话没有适用的引导话术。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="336"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/integration.py" line="340"/>
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
        <location filename="../../callcenter/ui/scripts/panel.py" line="49"/>
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="68"/>
        <source>The greeting appears when you answer.</source>
        <translation>接听后显示开场白。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="103"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="114"/>
        <source>Cannot answer now</source>
        <translation>暂时不能答复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="104"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="115"/>
        <source>Pass to department</source>
        <translation>转交部门处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="105"/>
        <source>Complaint opener</source>
        <translation>投诉安抚开场</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="106"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="117"/>
        <source>Fault triage</source>
        <translation>故障报修分诊</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="107"/>
        <source>Outbound opening</source>
        <translation>外拨开场白</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="112"/>
        <source>Apologise first</source>
        <translation>先致歉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="112"/>
        <source>Greeting</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="113"/>
        <source>Before hold</source>
        <translation>保持前</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="114"/>
        <source>Back from hold</source>
        <translation>恢复通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="116"/>
        <source>Complaint: calm first</source>
        <translation>投诉：先安抚</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="117"/>
        <source>Repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/scripts/panel.py" line="108"/>
        <location filename="../../callcenter/ui/scripts/panel.py" line="113"/>
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../callcenter/ui/calls/sign_in_dialog.py" line="12"/>
        <location filename="../../callcenter/ui/calls/sign_in_dialog.py" line="28"/>
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/sign_in_dialog.py" line="17"/>
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/sign_in_dialog.py" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/sign_in_dialog.py" line="41"/>
        <source>The agent ID must be 3 to 8 digits.</source>
        <translation>工号应为3至8位数字。</translation>
    </message>
</context>
<context>
    <name>SoftphoneBar</name>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="86"/>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="158"/>
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="88"/>
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="92"/>
        <source>Busy</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="109"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="110"/>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="166"/>
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="111"/>
        <source>Hang up</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="112"/>
        <source>Save &amp;&amp; ready</source>
        <translation>置闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="114"/>
        <source>Save &amp;&amp; dispatch</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="158"/>
        <source>Sign out</source>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="166"/>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="177"/>
        <source>Caller: %1</source>
        <translation>来电：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="203"/>
        <source>Ring %1</source>
        <translation>第%1声</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="205"/>
        <source> (last ring: answer now)</source>
        <translation>（最后一声，请立即接听）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="207"/>
        <source> (over the ring limit: apologise first)</source>
        <translation>（超过振铃限制，须先致歉）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="214"/>
        <source>Talk %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="218"/>
        <source> (over target)</source>
        <translation>（超时）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="223"/>
        <source>Wrap-up %1</source>
        <translation>话后 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/calls/softphone_bar.py" line="228"/>
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
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="59"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="60"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="61"/>
        <source>Account</source>
        <translation>用电户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="62"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="63"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="64"/>
        <source>Alert</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="65"/>
        <source>Callback</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="66"/>
        <source>Emergency notice</source>
        <translation>紧急公告</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="67"/>
        <source>Outage</source>
        <translation>停电信息</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="68"/>
        <source>Outage area</source>
        <translation>停电范围</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="69"/>
        <source>Ticket–outage link</source>
        <translation>工单停电关联</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="75"/>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="76"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="77"/>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="78"/>
        <source>Taken by</source>
        <translation>受理人</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="79"/>
        <source>Taken at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="80"/>
        <source>Back-filled</source>
        <translation>补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="81"/>
        <source>Deleted at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="82"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="83"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="102"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="105"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="106"/>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>SyncConflictsDialog</name>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="216"/>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="223"/>
        <source>Another desk changed the same data first; central kept its values. Choose for each record: keep your values (they are sent again), take central&apos;s, or dismiss.</source>
        <translation>另一坐席先修改了同一数据，中心库保留了它的值。请逐条选择：保留我的值（将重新发送）、采用中心库的值，或忽略。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="249"/>
        <source>Keep &amp;mine</source>
        <translation>保留我的值(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="250"/>
        <source>Take &amp;central&apos;s</source>
        <translation>采用中心库的值(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="252"/>
        <source>&amp;Dismiss</source>
        <translation>忽略(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="253"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="254"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="286"/>
        <source>Could not read the conflicts: </source>
        <translation>无法读取同步冲突：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="297"/>
        <source>No open conflicts.</source>
        <translation>没有待处理的同步冲突。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="316"/>
        <source>This record still has local changes waiting to be sent to central. Let sync finish, then choose again.</source>
        <translation>此记录还有本地修改尚未发送到中心库。请等同步完成后再选择。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="318"/>
        <source>Central&apos;s latest values have not been fetched since this conflict was found. Let sync finish, then choose again.</source>
        <translation>发现此冲突后尚未取回中心库的最新值。请等同步完成后再选择。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="320"/>
        <source>Central has another record with the same key. Sort out the two records, then dismiss this conflict.</source>
        <translation>中心库有一条编号相同的另一记录。请先核对这两条记录，再忽略此冲突。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="322"/>
        <source>This conflict was already resolved.</source>
        <translation>此冲突已经处理过了。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="323"/>
        <source>This record no longer exists.</source>
        <translation>此记录已不存在。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="324"/>
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="344"/>
        <source>Could not save the choice: </source>
        <translation>无法保存所做的选择：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="347"/>
        <source>Your values were kept; they go to central with the next sync.</source>
        <translation>已保留我的值，将在下次同步时发送到中心库。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="348"/>
        <source>Central&apos;s values were taken.</source>
        <translation>已采用中心库的值。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/conflicts_dialog.py" line="349"/>
        <source>The conflict was dismissed.</source>
        <translation>已忽略此冲突。</translation>
    </message>
</context>
<context>
    <name>SyncFeature</name>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="217"/>
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
        <location filename="../../callcenter/ui/sync/status.py" line="120"/>
        <source>Central not configured</source>
        <translation>未配置中心库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="127"/>
        <source>central unreachable</source>
        <translation>无法连接中心库</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="128"/>
        <source>login refused</source>
        <translation>登录被拒绝</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="129"/>
        <source>upgrade needed</source>
        <translation>需要升级</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="130"/>
        <source>sync error</source>
        <translation>同步出错</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="132"/>
        <source>Offline (%1)</source>
        <translation>离线（%1）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="134"/>
        <source>Connecting…</source>
        <translation>连接中…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="135"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="136"/>
        <source>Version too old</source>
        <translation>版本过旧</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="137"/>
        <source>Sync stopped</source>
        <translation>同步已停止</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="152"/>
        <source>This desk does not sync: no central database URL is set (callcenter sync set-password --central URL).</source>
        <translation>本坐席不同步：未设置中心库地址（callcenter sync set-password --central URL）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="163"/>
        <source>Queued: %1</source>
        <translation>待同步 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="165"/>
        <source>Last sync: never</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="169"/>
        <source>Last sync: %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="172"/>
        <source>Conflicts: %1</source>
        <translation>冲突 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="173"/>
        <source>Open the sync conflicts</source>
        <translation>打开同步冲突</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sync/status.py" line="188"/>
        <source>(oldest %1 ago)</source>
        <translation>（最早 %1前）</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="66"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="72"/>
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="74"/>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="78"/>
        <source>Departed at</source>
        <translation>出发时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="78"/>
        <source>Arrived at</source>
        <translation>到达时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="79"/>
        <source>Cause</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="79"/>
        <source>Restored at</source>
        <translation>恢复时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="80"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="109"/>
        <source>urged %1 time(s)</source>
        <translation>已催办%1次</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="111"/>
        <source>supervised</source>
        <translation>督办</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/detail_dialog.py" line="112"/>
        <source>Ticket %1</source>
        <translation>工单 %1</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="108"/>
        <source>Fields marked * are required.</source>
        <translation>带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="125"/>
        <source>What the customer needs, in their words.</source>
        <translation>按客户原话记录诉求。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="152"/>
        <source>Dispatch</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="201"/>
        <location filename="../../callcenter/ui/tickets/form.py" line="255"/>
        <source>Choose…</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="233"/>
        <source>{count} / {limit} — too long</source>
        <translation>{count} / {limit} — 超出字数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="236"/>
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="255"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="282"/>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="309"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/form.py" line="376"/>
        <source>Other fields to correct: {count} (marked with ⚠).</source>
        <translation>另有{count}项需修改（已用⚠标出）。</translation>
    </message>
</context>
<context>
    <name>TicketListModel</name>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="92"/>
        <source>Ticket no.</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="92"/>
        <source>Created</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="93"/>
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="93"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="94"/>
        <source>Deadline</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="94"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="95"/>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="95"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="96"/>
        <source>Content</source>
        <translation>受理内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="96"/>
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="97"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="100"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="100"/>
        <source>Dispatched</source>
        <translation>已下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="101"/>
        <source>In progress</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="101"/>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="102"/>
        <source>Called back</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="102"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="104"/>
        <source>OVERDUE</source>
        <translation>已超期</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_model.py" line="105"/>
        <source>near deadline</source>
        <translation>临期</translation>
    </message>
</context>
<context>
    <name>TicketListView</name>
    <message>
        <location filename="../../callcenter/ui/tickets/list_integration.py" line="41"/>
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
        <location filename="../../callcenter/ui/tickets/list_view.py" line="240"/>
        <source>Searching...</source>
        <translation>正在查询……</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="245"/>
        <source>No tickets found.</source>
        <translation>没有找到工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="247"/>
        <source>%1 tickets shown; scroll down for more.</source>
        <translation>已显示 %1 张工单，向下滚动加载更多。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="249"/>
        <source>%1 tickets found.</source>
        <translation>共找到 %1 张工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="252"/>
        <source>Tip: type 3 or more characters for a fast text search.</source>
        <translation>提示：输入 3 个及以上字符可快速检索内容或地址。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/tickets/list_view.py" line="256"/>
        <source>The search failed: %1</source>
        <translation>查询失败：%1</translation>
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
</TS>
