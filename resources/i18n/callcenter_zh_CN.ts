<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackfillDialog</name>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="63" />
        <source>Back-fill a ticket</source>
        <translation>补录工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="71" />
        <source>For a call taken while the system was down. Enter the real call time (local time, {zone}) and the caller's number.</source>
        <translation>用于系统故障期间受理的来电。请填写真实来电时间（当地时间，{zone}）和来电号码。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="103" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="107" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="159" />
        <source>Discard back-fill</source>
        <translation>放弃补录</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/backfill_dialog.py" line="160" />
        <source>Close without saving? What you typed for this call will be lost.</source>
        <translation>不保存就关闭吗？本次填写的内容将会丢失。</translation>
    </message>
</context>
<context>
    <name>FieldMessages</name>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="17" />
        <source>Category</source>
        <translation>业务类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="18" />
        <source>Content</source>
        <translation>受理内容</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="19" />
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="20" />
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="21" />
        <source>Account number</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="22" />
        <source>Meter number</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="23" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="24" />
        <source>Area type</source>
        <translation>区域类型</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="25" />
        <source>Priority</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="26" />
        <source>Department</source>
        <translation>下发部门</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="27" />
        <source>Deadline (days)</source>
        <translation>处理时限（天）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="28" />
        <source>Call time</source>
        <translation>来电时间</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="29" />
        <source>Caller number</source>
        <translation>来电号码</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="39" />
        <source>{field} is required.</source>
        <translation>请填写{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="42" />
        <source>{field} is too long.</source>
        <translation>{field}过长。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="43" />
        <source>{field} is too long: at most {limit} characters.</source>
        <translation>{field}过长：最多{limit}个字。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="47" />
        <source>{field} is not a valid mainland mobile number (11 digits, e.g. 13800138000) or landline number with area code (e.g. 0731-84567890).</source>
        <translation>{field}不是有效的号码：手机号为11位（如13800138000），固定电话需带区号（如0731-84567890）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="53" />
        <source>{field} must be the 10-digit account number on the payment card.</source>
        <translation>{field}应为缴费卡上的10位户号。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="57" />
        <source>{field} must be the letters and digits printed on the meter nameplate (6 to 24 characters, no spaces).</source>
        <translation>{field}应为电能表铭牌上的字母和数字（6至24位，不含空格）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="63" />
        <source>Please choose a {field} from the list.</source>
        <translation>请从列表中选择{field}。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="68" />
        <source>The deadline must be between 1 and {limit} days.</source>
        <translation>处理时限应在1至{limit}天之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="72" />
        <source>{field} must be between 1 and {limit}.</source>
        <translation>{field}应在1至{limit}之间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="75" />
        <source>{field} is out of range.</source>
        <translation>{field}超出范围。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="78" />
        <source>The call time cannot be in the future.</source>
        <translation>来电时间不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="79" />
        <source>{field} cannot be in the future.</source>
        <translation>{field}不能晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/field_messages.py" line="82" />
        <source>{field} is not valid.</source>
        <translation>{field}无效。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="13" />
        <source>Signed out</source>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="14" />
        <source>Busy</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="15" />
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="16" />
        <source>Ringing</source>
        <translation>振铃</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="17" />
        <source>Talking</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="18" />
        <source>On hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="19" />
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="25" />
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/labels.py" line="27" />
        <source>Just signed in</source>
        <translation>刚签入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="48" />
        <source>95598 agent desk</source>
        <translation>95598 坐席工作台</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="84" />
        <source>Call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="96" />
        <source>&amp;Tickets</source>
        <translation>工单(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="99" />
        <source>Back-fill a ticket...</source>
        <translation>补录工单…</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="166" />
        <source>That is not possible in the current state.</source>
        <translation>当前状态下不能进行此操作。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="208" />
        <source>A ticket is saved after the call ends.</source>
        <translation>通话结束后才能保存工单。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="212" />
        <source>Sign in first.</source>
        <translation>请先签入。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="264" />
        <source>Missed call from %1: it went back to the queue and you are now busy (missed call). Press F3 when you are ready.</source>
        <translation>未接来电 %1：来电已退回队列，您已被置为示忙（未接来电）。准备好后请按 F3 示闲。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="268" />
        <source>The caller hung up before you answered.</source>
        <translation>客户在接听前已挂机。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="283" />
        <source>Ticket %1 saved.</source>
        <translation>工单 %1 已保存。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="287" />
        <source>The database is busy (locked by another program).</source>
        <translation>数据库忙（被其他程序锁定）。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="288" />
        <source>The database file is read-only.</source>
        <translation>数据库文件为只读。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="289" />
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="290" />
        <source>The database reported an error.</source>
        <translation>数据库出错。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="294" />
        <source>The ticket was NOT saved: </source>
        <translation>工单未保存：</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="295" />
        <source> Everything you typed is kept; try again.</source>
        <translation>您填写的内容都已保留，请重试。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/main_window.py" line="304" />
        <source>Could not record a call event: </source>
        <translation>无法记录通话事件：</translation>
    </message>
</context>
<context>
    <name>ScreenPopPanel</name>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="22" />
        <source>Caller</source>
        <translation>来电客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="35" />
        <source>New customer with this number</source>
        <translation>以此号码新建客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="54" />
        <source>No call</source>
        <translation>无来电</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="59" />
        <source>Incoming call from %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="72" />
        <source>Unknown number %1: no customer on record</source>
        <translation>陌生号码 %1：无客户档案</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="77" />
        <source>%1 customer(s) with number %2</source>
        <translation>号码 %2 对应 %1 位客户</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="82" />
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="82" />
        <source>Meter</source>
        <translation>表号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="83" />
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/screen_pop_panel.py" line="83" />
        <source>Tickets of the last 30 days</source>
        <translation>近30天工单</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../callcenter/ui/script_panel.py" line="12" />
        <source>Script</source>
        <translation>话术</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/script_panel.py" line="16" />
        <source>The greeting appears when you answer.</source>
        <translation>接听后显示开场白。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/script_panel.py" line="22" />
        <source>Apologise first</source>
        <translation>先致歉</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/script_panel.py" line="22" />
        <source>Greeting</source>
        <translation>开场白</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/script_panel.py" line="23" />
        <source>Closing</source>
        <translation>结束语</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../callcenter/ui/sign_in_dialog.py" line="12" />
        <location filename="../../callcenter/ui/sign_in_dialog.py" line="28" />
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sign_in_dialog.py" line="17" />
        <source>Agent ID</source>
        <translation>工号</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sign_in_dialog.py" line="32" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/sign_in_dialog.py" line="41" />
        <source>The agent ID must be 3 to 8 digits.</source>
        <translation>工号应为3至8位数字。</translation>
    </message>
</context>
<context>
    <name>SoftphoneBar</name>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="87" />
        <location filename="../../callcenter/ui/softphone_bar.py" line="159" />
        <source>Sign in</source>
        <translation>签入</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="89" />
        <source>Ready</source>
        <translation>示闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="93" />
        <source>Busy</source>
        <translation>示忙</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="110" />
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="111" />
        <location filename="../../callcenter/ui/softphone_bar.py" line="167" />
        <source>Hold</source>
        <translation>保持</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="112" />
        <source>Hang up</source>
        <translation>挂机</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="113" />
        <source>Save &amp;&amp; ready</source>
        <translation>置闲</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="115" />
        <source>Save &amp;&amp; dispatch</source>
        <translation>下发工单</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="159" />
        <source>Sign out</source>
        <translation>签出</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="167" />
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="178" />
        <source>Caller: %1</source>
        <translation>来电：%1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="204" />
        <source>Ring %1</source>
        <translation>第%1声</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="206" />
        <source> (last ring: answer now)</source>
        <translation>（最后一声，请立即接听）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="208" />
        <source> (over the ring limit: apologise first)</source>
        <translation>（超过振铃限制，须先致歉）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="215" />
        <source>Talk %1</source>
        <translation>通话 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="219" />
        <source> (over target)</source>
        <translation>（超时）</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="224" />
        <source>Wrap-up %1</source>
        <translation>话后 %1</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/softphone_bar.py" line="229" />
        <source> (overdue)</source>
        <translation>（超时）</translation>
    </message>
</context>
<context>
    <name>StatsLabel</name>
    <message>
        <location filename="../../callcenter/ui/stats_bar.py" line="25" />
        <source>Calls this shift: %1 · Answered within ring limit: %2 · Average talk: %3 · Wrap-up within target: %4</source>
        <translation>本班来电：%1 · 三声内接起率：%2 · 平均通话：%3 · 话后处理达标率：%4</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="106" />
        <source>Fields marked * are required.</source>
        <translation>带 * 的为必填项。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="119" />
        <source>What the customer needs, in their words.</source>
        <translation>按客户原话记录诉求。</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="146" />
        <source>Dispatch</source>
        <translation>下发</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="195" />
        <source>Choose…</source>
        <translation>请选择</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="227" />
        <source>{count} / {limit} — too long</source>
        <translation>{count} / {limit} — 超出字数</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="230" />
        <source>{count} / {limit}</source>
        <translation>{count} / {limit}</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="264" />
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../callcenter/ui/ticket_form.py" line="330" />
        <source>Other fields to correct: {count} (marked with ⚠).</source>
        <translation>另有{count}项需修改（已用⚠标出）。</translation>
    </message>
</context>
</TS>