<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/crash.py" line="68"/>
        <source>无法完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="15"/>
        <source>公开专区工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="16"/>
        <source>基层政务公开专区的标准目录、公示公告、活动日历、依申请公开与同步。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="17"/>
        <source>数据目录：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="18"/>
        <source>界面与打印字体：文泉驿微米黑（Apache-2.0 或 GPL-3.0+ 附字体例外）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="19"/>
        <source>本软件以 Apache-2.0 许可发布。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="24"/>
        <source>关于公开专区工作台</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="41"/>
        <source>程序出错</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="44"/>
        <source>程序遇到意外错误。您的数据已保存到上一次操作。请复制下面的信息发给技术支持。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="46"/>
        <source>日志文件：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="55"/>
        <source>复制错误信息</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="24"/>
        <source>首次使用 — 设置站点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="26"/>
        <source>这是本机第一次运行公开专区工作台。请填写本乡镇（街道）的信息。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="35"/>
        <source>站点代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="36"/>
        <source>站点名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="37"/>
        <source>所属区县</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="38"/>
        <source>专区位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="39"/>
        <source>监督电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="41"/>
        <source>写入演示数据（演示用户密码：%1）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="47"/>
        <source>创建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/first_run.py" line="48"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>公开专区工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66"/>
        <source>当前用户：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67"/>
        <source>站点：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="68"/>
        <source>同步：未配置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>立即备份数据库</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>备份完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>已备份到：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nav</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="28"/>
        <source>今日工作</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="29"/>
        <source>标准目录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="30"/>
        <source>活动日历</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="31"/>
        <source>公示公告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="32"/>
        <source>依申请公开</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="33"/>
        <source>同步</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="34"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="13"/>
        <source>今日工作：待审核的公示、到期的目录事项和申请、今天的活动，将汇总在这里。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="16"/>
        <source>标准目录：26 个试点领域的公开事项、导入导出、版本与检索，将在这里管理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="19"/>
        <source>活动日历：政策解读、综合政策辅导、办事流程演示和政府开放日，将在这里安排。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="22"/>
        <source>公示公告：模板、隐私遮蔽、三审三校和带二维码的打印，将在这里办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="25"/>
        <source>依申请公开：登记、法定期限（工作日）、告知书和年报统计，将在这里办理。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/placeholder.py" line="28"/>
        <source>同步：与市级平台交换公示、活动和目录，将在这里查看。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="34"/>
        <source>内置（国务院办公厅通知）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="36"/>
        <source>市级平台下发</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="38"/>
        <source>导入：</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="69"/>
        <source>站点</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="72"/>
        <source>站点代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="73"/>
        <source>站点名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="74"/>
        <source>专区位置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="75"/>
        <source>监督电话</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="78"/>
        <source>偏好设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="83"/>
        <source>公示二维码指向的市级平台地址；公示创建时即确定，改动只影响之后创建的公示。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="89"/>
        <source>市级平台公开页面地址</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="90"/>
        <source>每日提醒时间</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="91"/>
        <source>触摸屏无操作返回首页（秒）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="92"/>
        <source>保存设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="100"/>
        <source>法定节假日与调休（工作日计算依据）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="114"/>
        <source>没有官方数据的年份只按周末计算，结果标为“暂定”。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="117"/>
        <source>导入节假日文件…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="123"/>
        <source>工作人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="150"/>
        <source>设置</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="150"/>
        <source>设置已保存。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="154"/>
        <source>导入节假日文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="154"/>
        <source>节假日文件 (*.json *.csv *.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="166"/>
        <source>导入完成</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="166"/>
        <source>已导入年份：</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="27"/>
        <source>登录 — 公开专区工作台</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="38"/>
        <source>用户名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="41"/>
        <source>密码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="49"/>
        <source>登录</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="50"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="61"/>
        <source>用户名或密码错误，请重试。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../ui/launcher.py" line="42"/>
        <source>无法创建站点</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
