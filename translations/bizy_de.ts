<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TaskText</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 - Highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 - High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 - Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 - Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 - Lowest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::MainWindow</name>
    <message>
        <source>Bizy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Task...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a task (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Task...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected task (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Task...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected task (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Bizy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Bizy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Bizy %1&lt;/h3&gt;&lt;p&gt;An offline-first task and goal manager.&lt;/p&gt;&lt;p&gt;Your tasks are kept on this computer in:&lt;br&gt;&lt;code&gt;%2&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search tasks (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show tasks with this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected task as not done (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected task as done (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks yet. Press Ctrl+N to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tasks match the search or the status filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No changes waiting to sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to sync</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The task could not be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the task “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The task could not be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::TaskDialog</name>
    <message>
        <source>New Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What needs doing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Work, Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Estimated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma separated, e.g. urgent, phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;scription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number of hours, e.g. 1.5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bizy::TaskListModel</name>
    <message>
        <source>Overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Offline-first task and goal manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log debug details of Bizy&apos;s modules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the task store at &lt;path&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bizy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bizy cannot open your tasks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
