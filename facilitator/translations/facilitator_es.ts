<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccountForm</name>
    <message>
        <source>New account</source>
        <translation>Cuenta nueva</translation>
    </message>
    <message>
        <source>Account {username}</source>
        <translation>Cuenta {username}</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>e.g. LCSW, CADC</source>
        <translation>p. ej., LCSW, CADC</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Notes need a supervisor&apos;s &amp;co-signature</source>
        <translation>Las notas requieren co&amp;firma de un supervisor</translation>
    </message>
    <message>
        <source>Notes need co-signature</source>
        <translation>Las notas requieren cofirma</translation>
    </message>
    <message>
        <source>Leads groups as</source>
        <translation>Dirige grupos como</translation>
    </message>
    <message>
        <source>— no groups —</source>
        <translation>— ningún grupo —</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <source>Temporary password again</source>
        <translation>Repita la contraseña temporal</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <source>Cre&amp;dentials:</source>
        <translation>Cre&amp;denciales:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <source>&amp;Leads groups as:</source>
        <translation>Dirige &amp;grupos como:</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Repita la c&amp;ontraseña:</translation>
    </message>
    <message>
        <source>The person chooses their own password when they first sign in.</source>
        <translation>La persona elige su propia contraseña la primera vez que inicia sesión.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The database did not answer; nothing was saved.</source>
        <translation>La base de datos no respondió; no se guardó nada.</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Notes need co-signature</source>
        <translation>Las notas requieren cofirma</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Accounts list</source>
        <translation>Lista de cuentas</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>Cuenta &amp;nueva…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <source>&amp;Reset password…</source>
        <translation>&amp;Restablecer contraseña…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Cuenta nueva</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>Editar cuenta</translation>
    </message>
    <message>
        <source>Disable or enable account</source>
        <translation>Desactivar o activar la cuenta</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Restablecer contraseña</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Accounts are never deleted, because notes and the audit trail name them: disable them instead.</source>
        <translation>Las cuentas nunca se eliminan, porque las notas y el registro de auditoría las nombran: desactívelas.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>debe cambiar la contraseña</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>AttendanceSheet</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Keys: P present · L late · E left early · X absent excused · U absent unexcused · Del clear · Ctrl+S save</source>
        <translation>Teclas: P presente · L tarde · E salió antes · X ausencia justificada · U ausencia injustificada · Supr borrar · Ctrl+S guardar</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Hoja de asistencia</translation>
    </message>
    <message>
        <source>Choose a meeting</source>
        <translation>Elija una reunión</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Attendance, one row per person</source>
        <translation>Asistencia, una fila por persona</translation>
    </message>
    <message>
        <source>Attendance keys</source>
        <translation>Teclas de asistencia</translation>
    </message>
    <message>
        <source>Attendance message</source>
        <translation>Mensaje de asistencia</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Cambiado en otro lugar</translation>
    </message>
    <message>
        <source>Mark the rest &amp;present</source>
        <translation>Resto &amp;presente</translation>
    </message>
    <message>
        <source>Mark everyone not yet marked present</source>
        <translation>Marcar como presentes a todos los que aún no tienen marca</translation>
    </message>
    <message>
        <source>Add v&amp;isitor…</source>
        <translation>Agregar &amp;visitante…</translation>
    </message>
    <message>
        <source>Add a relative as a visitor</source>
        <translation>Agregar a un familiar como visitante</translation>
    </message>
    <message>
        <source>&amp;Save attendance</source>
        <translation>&amp;Guardar asistencia</translation>
    </message>
    <message>
        <source>Save attendance</source>
        <translation>Guardar asistencia</translation>
    </message>
    <message>
        <source>Save attendance (Ctrl+S)</source>
        <translation>Guardar asistencia (Ctrl+S)</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>The attendance sheet could not be opened: {exc}</source>
        <translation>No se pudo abrir la hoja de asistencia: {exc}</translation>
    </message>
    <message>
        <source>Nothing to save: no mark has changed.</source>
        <translation>Nada que guardar: ninguna marca cambió.</translation>
    </message>
    <message>
        <source>Saving 1 mark…</source>
        <translation>Guardando 1 marca…</translation>
    </message>
    <message>
        <source>Saving {count} marks…</source>
        <translation>Guardando {count} marcas…</translation>
    </message>
    <message>
        <source>Attendance not saved</source>
        <translation>Asistencia no guardada</translation>
    </message>
    <message>
        <source> Some marks changed while saving are not saved yet.</source>
        <translation> Algunas marcas cambiadas durante el guardado aún no están guardadas.</translation>
    </message>
    <message>
        <source>Saved 1 change: {marked} of {total} marked ({count} rows).{still}</source>
        <translation>Se guardó 1 cambio: {marked} de {total} marcados ({count} filas).{still}</translation>
    </message>
    <message>
        <source>Saved {changes} changes: {marked} of {total} marked ({count} rows).{still}</source>
        <translation>Se guardaron {changes} cambios: {marked} de {total} marcados ({count} filas).{still}</translation>
    </message>
    <message>
        <source>Attendance was not saved; your marks are still on the sheet.</source>
        <translation>La asistencia no se guardó; sus marcas siguen en la hoja.</translation>
    </message>
    <message>
        <source>those people</source>
        <translation>esas personas</translation>
    </message>
    <message>
        <source> Your other marks are still on the sheet, not yet saved.</source>
        <translation> Sus otras marcas siguen en la hoja, aún sin guardar.</translation>
    </message>
    <message>
        <source>Their marks for {names} are shown.{rest}</source>
        <translation>Se muestran sus marcas para {names}.{rest}</translation>
    </message>
    <message>
        <source>Someone else saved marks on this sheet while you were marking. Their marks are shown for the people you did not change; yours are kept and not saved yet. Save to keep them.</source>
        <translation>Otra persona guardó marcas en esta hoja mientras usted marcaba. Se muestran sus marcas para las personas que usted no cambió; las suyas se conservan y aún no están guardadas. Guarde para conservarlas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{group_name}&lt;/b&gt; · {day} {start}–{end}{session}{cancelled} · {marked}/{count} marked</source>
        <translation>&lt;b&gt;{group_name}&lt;/b&gt; · {day} {start}–{end}{session}{cancelled} · {marked}/{count} marcados</translation>
    </message>
    <message>
        <source>This meeting was cancelled; reinstate it to take attendance.</source>
        <translation>Esta reunión fue cancelada; reactívela para tomar asistencia.</translation>
    </message>
    <message>
        <source>{name}  (visitor, {of})</source>
        <translation>{name}  (visitante, {of})</translation>
    </message>
    <message>
        <source>{name}  (visitor)</source>
        <translation>{name}  (visitante)</translation>
    </message>
    <message>
        <source>{name}  (not enrolled)</source>
        <translation>{name}  (no inscrito)</translation>
    </message>
    <message>
        <source>P, L, E, X or U</source>
        <translation>P, L, E, X o U</translation>
    </message>
    <message>
        <source>{name}: {problem}.</source>
        <translation>{name}: {problem}.</translation>
    </message>
    <message>
        <source>Add visitor</source>
        <translation>Agregar visitante</translation>
    </message>
    <message>
        <source>None of these participants has a relative or partner recorded who is not already on the sheet. Add one in the participant&apos;s record first.</source>
        <translation>Ninguno de estos participantes tiene registrado un familiar o pareja que no esté ya en la hoja. Agréguelo primero en el expediente del participante.</translation>
    </message>
    <message>
        <source>{name} ({relationship} of {client})</source>
        <translation>{name} ({relationship} de {client})</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>familiar</translation>
    </message>
    <message>
        <source>&amp;Visitor:</source>
        <translation>&amp;Visitante:</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fecha desde</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Fecha hasta</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Participant record number</source>
        <translation>Número de expediente del participante</translation>
    </message>
    <message>
        <source>record number</source>
        <translation>número de expediente</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Todas las acciones</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>Mostrar entradas</translation>
    </message>
    <message>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar cadena</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar cadena</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Participant:</source>
        <translation>&amp;Participante:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Acción:</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Entradas de auditoría</translation>
    </message>
    <message>
        <source>Audit status</source>
        <translation>Estado de la auditoría</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>No participant has the record number {typed!r}; type a record number or a participant&apos;s number such as #17.</source>
        <translation>Ningún participante tiene el número de expediente {typed!r}; escriba un número de expediente o el número de un participante, como #17.</translation>
    </message>
    <message>
        <source>The &apos;To&apos; date is before the &apos;From&apos; date.</source>
        <translation>La fecha &apos;Hasta&apos; es anterior a la fecha &apos;Desde&apos;.</translation>
    </message>
    <message>
        <source>The audit trail could not be read; the log has the details.</source>
        <translation>No se pudo leer el registro de auditoría; el registro de la aplicación tiene los detalles.</translation>
    </message>
    <message>
        <source>{n:,} entries (the first {limit:,}; narrow the filter to see the rest).</source>
        <translation>{n:,} entradas (las primeras {limit:,}; acote el filtro para ver el resto).</translation>
    </message>
    <message>
        <source>{n:,} entries.</source>
        <translation>{n:,} entradas.</translation>
    </message>
    <message>
        <source>The trail is intact: {checked:,} entries, each chained to the one before.</source>
        <translation>El registro está intacto: {checked:,} entradas, cada una encadenada a la anterior.</translation>
    </message>
    <message>
        <source>The trail is NOT intact: {problems}</source>
        <translation>El registro NO está intacto: {problems}</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with: {problems}</source>
        <translation>El registro de auditoría fue alterado: {problems}</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written; free some space and try again.</source>
        <translation>El disco está lleno: {path} no se escribió; libere espacio e intente de nuevo.</translation>
    </message>
    <message>
        <source>{path} could not be written ({exc}).</source>
        <translation>No se pudo escribir {path} ({exc}).</translation>
    </message>
    <message>
        <source>Exported {n:,} entries to {path}.</source>
        <translation>Se exportaron {n:,} entradas a {path}.</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Id. del registro</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Estación de trabajo</translation>
    </message>
</context>
<context>
    <name>CareDialog</name>
    <message>
        <source>Care record</source>
        <translation>Expediente de atención</translation>
    </message>
</context>
<context>
    <name>CarePanel</name>
    <message>
        <source>Met</source>
        <translation>Cumplido</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registro</translation>
    </message>
    <message>
        <source>Not required</source>
        <translation>No requerido</translation>
    </message>
    <message>
        <source>Care record</source>
        <translation>Expediente de atención</translation>
    </message>
    <message>
        <source>Care summary</source>
        <translation>Resumen de la atención</translation>
    </message>
    <message>
        <source>Care record sections</source>
        <translation>Secciones del expediente de atención</translation>
    </message>
    <message>
        <source>&amp;Level of care</source>
        <translation>&amp;Nivel de atención</translation>
    </message>
    <message>
        <source>C&amp;riteria</source>
        <translation>C&amp;riterios</translation>
    </message>
    <message>
        <source>&amp;Discharge and aftercare</source>
        <translation>&amp;Alta y seguimiento</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>Decidido por</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Level of care history</source>
        <translation>Historial de niveles de atención</translation>
    </message>
    <message>
        <source>New level of care</source>
        <translation>Nuevo nivel de atención</translation>
    </message>
    <message>
        <source>Takes effect on</source>
        <translation>Vigente desde</translation>
    </message>
    <message>
        <source>Reason for the change</source>
        <translation>Motivo del cambio</translation>
    </message>
    <message>
        <source>Who decided</source>
        <translation>Quién decidió</translation>
    </message>
    <message>
        <source>for example, the treatment team</source>
        <translation>por ejemplo, el equipo de tratamiento</translation>
    </message>
    <message>
        <source>Record the &amp;change</source>
        <translation>Registrar el &amp;cambio</translation>
    </message>
    <message>
        <source>Record the change of level of care</source>
        <translation>Registrar el cambio de nivel de atención</translation>
    </message>
    <message>
        <source>Mark the selected change entered in &amp;error…</source>
        <translation>Marcar el cambio seleccionado como registrado por &amp;error…</translation>
    </message>
    <message>
        <source>Mark the selected level change entered in error</source>
        <translation>Marcar el cambio de nivel seleccionado como registrado por error</translation>
    </message>
    <message>
        <source>New le&amp;vel:</source>
        <translation>Nivel n&amp;uevo:</translation>
    </message>
    <message>
        <source>Takes effect &amp;on:</source>
        <translation>Vigente &amp;desde:</translation>
    </message>
    <message>
        <source>Re&amp;ason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>Decided &amp;by:</source>
        <translation>Decidido p&amp;or:</translation>
    </message>
    <message>
        <source>Change the level of care</source>
        <translation>Cambiar el nivel de atención</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Completion criteria</source>
        <translation>Criterios para completar</translation>
    </message>
    <message>
        <source>The clinic sets each criterion in File › Settings › Program rules. A criterion with nothing on record is never counted as met.</source>
        <translation>La clínica define cada criterio en Archivo › Configuración › Reglas del programa. Un criterio sin nada registrado nunca se cuenta como cumplido.</translation>
    </message>
    <message>
        <source>Discharge status</source>
        <translation>Estado del alta</translation>
    </message>
    <message>
        <source>How the stay ended</source>
        <translation>Cómo terminó la estancia</translation>
    </message>
    <message>
        <source>Discharge date</source>
        <translation>Fecha del alta</translation>
    </message>
    <message>
        <source>&amp;Start the discharge</source>
        <translation>&amp;Iniciar el alta</translation>
    </message>
    <message>
        <source>Start the discharge, with a summary prefilled from the record</source>
        <translation>Iniciar el alta, con un resumen precompletado a partir del expediente</translation>
    </message>
    <message>
        <source>&amp;How the stay ended:</source>
        <translation>Cómo terminó la &amp;estancia:</translation>
    </message>
    <message>
        <source>Discharge dat&amp;e:</source>
        <translation>Fecha del al&amp;ta:</translation>
    </message>
    <message>
        <source>L&amp;arge print</source>
        <translation>&amp;Letra grande</translation>
    </message>
    <message>
        <source>Discharge summary</source>
        <translation>Resumen de alta</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (opcional)</translation>
    </message>
    <message>
        <source>Sa&amp;ve draft</source>
        <translation>&amp;Guardar borrador</translation>
    </message>
    <message>
        <source>Save the discharge summary draft</source>
        <translation>Guardar el borrador del resumen de alta</translation>
    </message>
    <message>
        <source>Si&amp;gn</source>
        <translation>&amp;Firmar</translation>
    </message>
    <message>
        <source>Sign the discharge summary; it locks</source>
        <translation>Firmar el resumen de alta; queda bloqueado</translation>
    </message>
    <message>
        <source>Co-sig&amp;n</source>
        <translation>&amp;Cofirmar</translation>
    </message>
    <message>
        <source>Co-sign the discharge summary</source>
        <translation>Cofirmar el resumen de alta</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>&amp;Devolver…</translation>
    </message>
    <message>
        <source>Return the discharge summary to its author</source>
        <translation>Devolver el resumen de alta a su autor</translation>
    </message>
    <message>
        <source>Aftercare plan (the participant&apos;s words, one item a line)</source>
        <translation>Plan de seguimiento (en palabras del participante, un punto por línea)</translation>
    </message>
    <message>
        <source>Language of the printed plan</source>
        <translation>Idioma del plan impreso</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Print the plan in large print</source>
        <translation>Imprimir el plan en letra grande</translation>
    </message>
    <message>
        <source>Save the &amp;plan</source>
        <translation>Guardar el &amp;plan</translation>
    </message>
    <message>
        <source>Save the aftercare plan</source>
        <translation>Guardar el plan de seguimiento</translation>
    </message>
    <message>
        <source>Pr&amp;int the plan (PDF)…</source>
        <translation>Impri&amp;mir el plan (PDF)…</translation>
    </message>
    <message>
        <source>Save the aftercare plan as PDF to print</source>
        <translation>Guardar el plan de seguimiento en PDF para imprimirlo</translation>
    </message>
    <message>
        <source>Discharge and aftercare</source>
        <translation>Alta y seguimiento</translation>
    </message>
    <message>
        <source>{name} ({record}), {status}. Admitted {start}. Now at {level} since {since}; weekly hour target {target} hours.</source>
        <translation>{name} ({record}), {status}. Ingreso: {start}. Nivel actual: {level}, desde el {since}; meta semanal de {target} horas.</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Ingreso</translation>
    </message>
    <message>
        <source>Entered in error: {reason}</source>
        <translation>Registrado por error: {reason}</translation>
    </message>
    <message>
        <source>Ready to step down: every criterion is met.</source>
        <translation>Listo para bajar de nivel: se cumplen todos los criterios.</translation>
    </message>
    <message>
        <source>Ready to complete: every criterion is met.</source>
        <translation>Listo para completar el programa: se cumplen todos los criterios.</translation>
    </message>
    <message>
        <source>Not yet ready: {met}.</source>
        <translation>Todavía no está listo: {met}.</translation>
    </message>
    <message>
        <source>No discharge yet.</source>
        <translation>Aún no hay alta.</translation>
    </message>
    <message>
        <source>This participant left the program without a discharge recorded in Facilitator.</source>
        <translation>Este participante dejó el programa sin un alta registrada en Facilitator.</translation>
    </message>
    <message>
        <source>{kind} on {day}: {status}.</source>
        <translation>{kind} el {day}: {status}.</translation>
    </message>
    <message>
        <source>Signed by {who}.</source>
        <translation>Firmado por {who}.</translation>
    </message>
    <message>
        <source>Co-signed by {who}.</source>
        <translation>Cofirmado por {who}.</translation>
    </message>
    <message>
        <source>Returned: {comment}</source>
        <translation>Devuelto: {comment}</translation>
    </message>
    <message>
        <source>Level of care not changed</source>
        <translation>Nivel de atención no cambiado</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Registrado por error</translation>
    </message>
    <message>
        <source>Select a recorded change of level first.</source>
        <translation>Seleccione primero un cambio de nivel registrado.</translation>
    </message>
    <message>
        <source>Why was this change entered in error?</source>
        <translation>¿Por qué se registró este cambio por error?</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>No marcado</translation>
    </message>
    <message>
        <source>Discharge not started</source>
        <translation>Alta no iniciada</translation>
    </message>
    <message>
        <source>Discharge summary not saved</source>
        <translation>Resumen de alta no guardado</translation>
    </message>
    <message>
        <source>Discharge summary not signed</source>
        <translation>Resumen de alta no firmado</translation>
    </message>
    <message>
        <source>Not co-signed</source>
        <translation>No cofirmado</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>What needs changing?</source>
        <translation>¿Qué hay que cambiar?</translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>No devuelto</translation>
    </message>
    <message>
        <source>Aftercare plan not saved</source>
        <translation>Plan de seguimiento no guardado</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The plan was not saved</source>
        <translation>El plan no se guardó</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Cambiar contraseña</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own before you go on.</source>
        <translation>Un administrador fijó su contraseña. Elija una propia antes de continuar.</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Contraseña nueva</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Repita la contraseña nueva</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Contraseña &amp;actual:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Contraseña &amp;nueva:</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>&amp;Repita la contraseña nueva:</translation>
    </message>
    <message>
        <source>At least 8 characters; a short sentence is easy to remember and hard to guess.</source>
        <translation>Al menos 8 caracteres; una frase corta es fácil de recordar y difícil de adivinar.</translation>
    </message>
    <message>
        <source>Change &amp;password</source>
        <translation>&amp;Cambiar contraseña</translation>
    </message>
</context>
<context>
    <name>ChartCanvas</name>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>expected positive</source>
        <translation>positivo esperado</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>inválido</translation>
    </message>
    <message>
        <source>unexpected positive</source>
        <translation>positivo inesperado</translation>
    </message>
    <message>
        <source>Chart: nothing to show yet</source>
        <translation>Gráfico: todavía no hay nada que mostrar</translation>
    </message>
    <message>
        <source>{title}: chart</source>
        <translation>{title}: gráfico</translation>
    </message>
    <message>
        <source>{summary} Press N for the numbers as a table.</source>
        <translation>{summary} Pulse N para ver las cifras en una tabla.</translation>
    </message>
    <message>
        <source>below</source>
        <translation>bajo</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Numbers</source>
        <translation>Cifras</translation>
    </message>
    <message>
        <source>Show the chart&apos;s figures as a table (N on the chart)</source>
        <translation>Mostrar las cifras del gráfico en una tabla (N en el gráfico)</translation>
    </message>
    <message>
        <source>{title}: summary</source>
        <translation>{title}: resumen</translation>
    </message>
    <message>
        <source>Show the numbers of {title}</source>
        <translation>Mostrar las cifras de {title}</translation>
    </message>
    <message>
        <source>{title}: numbers</source>
        <translation>{title}: cifras</translation>
    </message>
</context>
<context>
    <name>CheckInPanel</name>
    <message>
        <source>Check-in ratings [C] (your screen only)</source>
        <translation>Puntuaciones de la bienvenida [C] (solo en su pantalla)</translation>
    </message>
    <message>
        <source>Check-in ratings</source>
        <translation>Puntuaciones de la bienvenida</translation>
    </message>
    <message>
        <source>Digits, then Enter for the next person; Tab for the mood; Esc goes back.</source>
        <translation>Dígitos y luego Intro para la siguiente persona; Tab para el ánimo; Esc regresa.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Mood (one word)</source>
        <translation>Ánimo (una palabra)</translation>
    </message>
    <message>
        <source>{scale} rating for {name}, {low} to {high}</source>
        <translation>Puntuación de {scale} de {name}, de {low} a {high}</translation>
    </message>
    <message>
        <source>Mood word for {name}</source>
        <translation>Palabra de ánimo de {name}</translation>
    </message>
    <message>
        <source>Rating state for {name}</source>
        <translation>Estado de la puntuación de {name}</translation>
    </message>
    <message>
        <source>saving…</source>
        <translation>guardando…</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>guardada</translation>
    </message>
</context>
<context>
    <name>CheckInRatings</name>
    <message>
        <source>The rating could not be saved; it is still here to try again.</source>
        <translation>No se pudo guardar la puntuación; sigue aquí para intentarlo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this</source>
        <translation>Otra persona cambió esto</translation>
    </message>
    <message>
        <source>Reload their version</source>
        <translation>Cargar su versión</translation>
    </message>
    <message>
        <source>Save mine over it</source>
        <translation>Guardar la mía encima</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>What you typed is still here. Nothing of yours or theirs has been lost yet.</source>
        <translation>Lo que escribió sigue aquí. Todavía no se ha perdido nada suyo ni de la otra persona.</translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation>Cargar su &amp;versión</translation>
    </message>
    <message>
        <source>Reload their version, letting go of what you typed for it</source>
        <translation>Cargar su versión y descartar lo que usted escribió ahí</translation>
    </message>
    <message>
        <source>&amp;Save mine over it</source>
        <translation>&amp;Guardar la mía encima</translation>
    </message>
    <message>
        <source>Save what you typed over their change</source>
        <translation>Guardar lo que usted escribió encima del cambio de la otra persona</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Decide later; keep what you typed on screen</source>
        <translation>Decidir después; mantener en pantalla lo que escribió</translation>
    </message>
</context>
<context>
    <name>ConsentsDialog</name>
    <message>
        <source>Consents and letters: {who}</source>
        <translation>Consentimientos y cartas: {who}</translation>
    </message>
    <message>
        <source>Consents and letters</source>
        <translation>Consentimientos y cartas</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Información</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>&amp;Consents on record:</source>
        <translation>&amp;Consentimientos registrados:</translation>
    </message>
    <message>
        <source>Under the selected consent</source>
        <translation>Con el consentimiento seleccionado</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Attendance letter</source>
        <translation>Carta de asistencia</translation>
    </message>
    <message>
        <source>Completion letter</source>
        <translation>Carta de finalización</translation>
    </message>
    <message>
        <source>Letter reports from</source>
        <translation>La carta informa desde</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: program start)</source>
        <translation>AAAA-MM-DD (vacío: inicio del programa)</translation>
    </message>
    <message>
        <source>Letter reports to</source>
        <translation>La carta informa hasta</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>AAAA-MM-DD (vacío: hoy)</translation>
    </message>
    <message>
        <source>Pr&amp;int letter…</source>
        <translation>&amp;Imprimir carta…</translation>
    </message>
    <message>
        <source>Print letter</source>
        <translation>Imprimir carta</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Revocado el</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>Record re&amp;vocation</source>
        <translation>Registrar re&amp;vocación</translation>
    </message>
    <message>
        <source>Record revocation</source>
        <translation>Registrar revocación</translation>
    </message>
    <message>
        <source>&amp;Letter:</source>
        <translation>Ca&amp;rta:</translation>
    </message>
    <message>
        <source>Participant revoked it &amp;on:</source>
        <translation>El participante lo rev&amp;ocó el:</translation>
    </message>
    <message>
        <source>Record a signed consent (42 CFR 2.31)</source>
        <translation>Registrar un consentimiento firmado (42 CFR 2.31)</translation>
    </message>
    <message>
        <source>Record a signed consent</source>
        <translation>Registrar un consentimiento firmado</translation>
    </message>
    <message>
        <source>Who discloses</source>
        <translation>Quién divulga</translation>
    </message>
    <message>
        <source>To whom</source>
        <translation>A quién</translation>
    </message>
    <message>
        <source>Kind of recipient</source>
        <translation>Tipo de destinatario</translation>
    </message>
    <message>
        <source>&amp;Attendance (dates attended and hours)</source>
        <translation>&amp;Asistencia (fechas en que asistió y horas)</translation>
    </message>
    <message>
        <source>Disclose attendance</source>
        <translation>Divulgar la asistencia</translation>
    </message>
    <message>
        <source>Program co&amp;mpletion</source>
        <translation>Finalización del progra&amp;ma</translation>
    </message>
    <message>
        <source>Disclose program completion</source>
        <translation>Divulgar la finalización del programa</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Propósito</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Termina el</translation>
    </message>
    <message>
        <source>Ends with the event</source>
        <translation>Termina con el evento</translation>
    </message>
    <message>
        <source>e.g. the end of probation</source>
        <translation>p. ej., el fin de la libertad a prueba</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <source>The form states the ri&amp;ght to revoke:</source>
        <translation>El formulario indica el &amp;derecho a revocar:</translation>
    </message>
    <message>
        <source>The form states the right to revoke</source>
        <translation>El formulario indica el derecho a revocar</translation>
    </message>
    <message>
        <source>The right to revoke, as the form states it</source>
        <translation>El derecho a revocar, como lo indica el formulario</translation>
    </message>
    <message>
        <source>Reco&amp;rd consent</source>
        <translation>Re&amp;gistrar consentimiento</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Registrar consentimiento</translation>
    </message>
    <message>
        <source>Who &amp;discloses:</source>
        <translation>&amp;Quién divulga:</translation>
    </message>
    <message>
        <source>&amp;To whom:</source>
        <translation>A quié&amp;n:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>What:</source>
        <translation>Qué:</translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation>&amp;Propósito:</translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation>Termina e&amp;l:</translation>
    </message>
    <message>
        <source>Or ends &amp;with:</source>
        <translation>O t&amp;ermina con:</translation>
    </message>
    <message>
        <source>&amp;Signed on:</source>
        <translation>&amp;Firmado el:</translation>
    </message>
    <message>
        <source>Letters sent</source>
        <translation>Cartas enviadas</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source>Letters se&amp;nt (disclosures):</source>
        <translation>Cartas enviada&amp;s (divulgaciones):</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Revoked {day}</source>
        <translation>Revocado el {day}</translation>
    </message>
    <message>
        <source>Not recorded. The consent lacks:</source>
        <translation>No se registró. Al consentimiento le falta:</translation>
    </message>
    <message>
        <source>Recorded consent {number}.</source>
        <translation>Consentimiento {number} registrado.</translation>
    </message>
    <message>
        <source>Type the day the participant revoked the consent.</source>
        <translation>Escriba el día en que el participante revocó el consentimiento.</translation>
    </message>
    <message>
        <source>Consent {number} is revoked; no letter will go out under it.</source>
        <translation>El consentimiento {number} está revocado; no saldrá ninguna carta con él.</translation>
    </message>
    <message>
        <source>Save the letter</source>
        <translation>Guardar la carta</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the letter ({letter}) to {path}; it is recorded as a disclosure.</source>
        <translation>Se guardó la carta ({letter}) en {path}; queda registrada como divulgación.</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>⚠ safety flag open</source>
        <translation>⚠ alerta de seguridad abierta</translation>
    </message>
    <message>
        <source>Nothing due for this meeting&apos;s attendees.</source>
        <translation>Nada pendiente para los asistentes de esta reunión.</translation>
    </message>
</context>
<context>
    <name>FinishOnTimeDialog</name>
    <message>
        <source>Finish on time</source>
        <translation>Terminar a tiempo</translation>
    </message>
    <message>
        <source>The session will end on time.</source>
        <translation>La sesión terminará a tiempo.</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;{title}&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;{old} min&lt;/td&gt;&lt;td&gt;→&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;{new} min&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;{title}&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;{old} min&lt;/td&gt;&lt;td&gt;→&lt;/td&gt;&lt;td align=&apos;right&apos;&gt;&lt;b&gt;{new} min&lt;/b&gt;&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>It will still run about {minutes} min over: nothing can be shortened further.</source>
        <translation>Aún se pasará unos {minutes} min: no se puede acortar nada más.</translation>
    </message>
    <message>
        <source>&lt;p&gt;The session is &lt;b&gt;{behind}&lt;/b&gt;. Shorten the items still to come (breaks and the check-out stay whole; nothing goes below {minimum} min):&lt;/p&gt;&lt;table cellpadding=&apos;4&apos;&gt;{rows}&lt;/table&gt;&lt;p&gt;Saves {saves} min. {outcome}&lt;/p&gt;</source>
        <translation>&lt;p&gt;La sesión va &lt;b&gt;{behind}&lt;/b&gt;. Acorte los puntos que faltan (los descansos y el cierre quedan completos; nada baja de {minimum} min):&lt;/p&gt;&lt;table cellpadding=&apos;4&apos;&gt;{rows}&lt;/table&gt;&lt;p&gt;Ahorra {saves} min. {outcome}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Proposed changes</source>
        <translation>Cambios propuestos</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Aplicar</translation>
    </message>
    <message>
        <source>Apply the shorter items</source>
        <translation>Aplicar los puntos acortados</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Keep the agenda as it is</source>
        <translation>Mantener la agenda como está</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Create the administrator account</source>
        <translation>Crear la cuenta de administrador</translation>
    </message>
    <message>
        <source>Welcome to Facilitator</source>
        <translation>Bienvenido a Facilitator</translation>
    </message>
    <message>
        <source>This clinic has no accounts yet. Create the administrator account first: the administrator then creates an account for every facilitator and supervisor.</source>
        <translation>Esta clínica aún no tiene cuentas. Cree primero la cuenta de administrador: luego el administrador crea una cuenta para cada facilitador y supervisor.</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Credenciales</translation>
    </message>
    <message>
        <source>optional, e.g. LCSW</source>
        <translation>opcional, p. ej., LCSW</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>p. ej., admin</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Repita la contraseña</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nombre &amp;completo:</translation>
    </message>
    <message>
        <source>&amp;Credentials:</source>
        <translation>Cr&amp;edenciales:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Repita la c&amp;ontraseña:</translation>
    </message>
    <message>
        <source>C&amp;reate administrator</source>
        <translation>C&amp;rear administrador</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Crear administrador</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Edit group</source>
        <translation>Editar grupo</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Grupo nuevo</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Nombre del grupo</translation>
    </message>
    <message>
        <source>Group type</source>
        <translation>Tipo de grupo</translation>
    </message>
    <message>
        <source>Curriculum track, in order</source>
        <translation>Secuencia de currículos, en orden</translation>
    </message>
    <message>
        <source>Curriculum to add to the track</source>
        <translation>Currículo para agregar a la secuencia</translation>
    </message>
    <message>
        <source>{title} ({id}, {count} sessions)</source>
        <translation>{title} ({id}, {count} sesiones)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Agregar</translation>
    </message>
    <message>
        <source>Add the curriculum to the track</source>
        <translation>Agregar el currículo a la secuencia</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected curriculum from the track</source>
        <translation>Quitar de la secuencia el currículo seleccionado</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <source>Move the selected curriculum earlier</source>
        <translation>Mover antes el currículo seleccionado</translation>
    </message>
    <message>
        <source>&amp;Rolling: start the track over after its last session</source>
        <translation>Co&amp;ntinua: volver a empezar la secuencia después de su última sesión</translation>
    </message>
    <message>
        <source>Rolling track</source>
        <translation>Secuencia continua</translation>
    </message>
    <message>
        <source>Facilitators, separated by commas</source>
        <translation>Facilitadores, separados por comas</translation>
    </message>
    <message>
        <source>Co-facilitators, separated by commas</source>
        <translation>Cofacilitadores, separados por comas</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Meets on {day_name}</source>
        <translation>Se reúne los {day_name}</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>Length in minutes</source>
        <translation>Duración en minutos</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Admission</source>
        <translation>Admisión</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation>Te&amp;rmina el:</translation>
    </message>
    <message>
        <source>The group has an end date</source>
        <translation>El grupo tiene fecha de término</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Fecha de término</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <source>Trac&amp;k:</source>
        <translation>Secuen&amp;cia:</translation>
    </message>
    <message>
        <source>&amp;Facilitators:</source>
        <translation>&amp;Facilitadores:</translation>
    </message>
    <message>
        <source>&amp;Co-facilitators:</source>
        <translation>C&amp;ofacilitadores:</translation>
    </message>
    <message>
        <source>R&amp;oom:</source>
        <translation>Sa&amp;la:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Días:</translation>
    </message>
    <message>
        <source>&amp;Start time:</source>
        <translation>&amp;Hora de inicio:</translation>
    </message>
    <message>
        <source>&amp;Length:</source>
        <translation>D&amp;uración:</translation>
    </message>
    <message>
        <source>Ca&amp;pacity:</source>
        <translation>Ca&amp;pacidad:</translation>
    </message>
    <message>
        <source>Ad&amp;mission:</source>
        <translation>A&amp;dmisión:</translation>
    </message>
    <message>
        <source>Start &amp;date:</source>
        <translation>Fecha de &amp;inicio:</translation>
    </message>
    <message>
        <source>{curriculum_id} (not loaded)</source>
        <translation>{curriculum_id} (no cargado)</translation>
    </message>
    <message>
        <source>more than the clinic&apos;s usual {limit}</source>
        <translation>más de lo habitual en la clínica ({limit})</translation>
    </message>
    <message>
        <source>Group not saved</source>
        <translation>Grupo no guardado</translation>
    </message>
    <message>
        <source>Group not reloaded</source>
        <translation>Grupo no recargado</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>&amp;New group…</source>
        <translation>&amp;Grupo nuevo…</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Grupo nuevo</translation>
    </message>
    <message>
        <source>Ne&amp;w participant…</source>
        <translation>Participante n&amp;uevo…</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Participante nuevo</translation>
    </message>
    <message>
        <source>&amp;Import roster CSV…</source>
        <translation>I&amp;mportar lista CSV…</translation>
    </message>
    <message>
        <source>Import participants from a CSV file</source>
        <translation>Importar participantes desde un archivo CSV</translation>
    </message>
    <message>
        <source>Group details</source>
        <translation>Detalles del grupo</translation>
    </message>
    <message>
        <source>&amp;Edit group…</source>
        <translation>&amp;Editar grupo…</translation>
    </message>
    <message>
        <source>Edit the group</source>
        <translation>Editar el grupo</translation>
    </message>
    <message>
        <source>Plan &amp;meetings ({weeks} weeks ahead)</source>
        <translation>Planificar &amp;reuniones ({weeks} semanas)</translation>
    </message>
    <message>
        <source>Add the schedule&apos;s meetings for the coming weeks</source>
        <translation>Agregar las reuniones del horario para las próximas semanas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Enrolled from</source>
        <translation>Inscrito desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Participants and enrollment</source>
        <translation>Participantes e inscripciones</translation>
    </message>
    <message>
        <source>Show past enrollments</source>
        <translation>Mostrar inscripciones pasadas</translation>
    </message>
    <message>
        <source>Enroll a participant in this group</source>
        <translation>Inscribir a un participante en este grupo</translation>
    </message>
    <message>
        <source>End enrollment…</source>
        <translation>Terminar inscripción…</translation>
    </message>
    <message>
        <source>End the selected enrollment</source>
        <translation>Terminar la inscripción seleccionada</translation>
    </message>
    <message>
        <source>Edit par&amp;ticipant…</source>
        <translation>Editar par&amp;ticipante…</translation>
    </message>
    <message>
        <source>Edit the selected participant</source>
        <translation>Editar el participante seleccionado</translation>
    </message>
    <message>
        <source>Progress and &amp;charts…</source>
        <translation>Progreso y gráfi&amp;cos…</translation>
    </message>
    <message>
        <source>Open the selected participant&apos;s progress page</source>
        <translation>Abrir la página de progreso del participante seleccionado</translation>
    </message>
    <message>
        <source>Open the selected participant&apos;s care record: level of care, criteria, discharge and aftercare</source>
        <translation>Abrir el expediente de atención del participante seleccionado: nivel de atención, criterios, alta y seguimiento</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Hours from</source>
        <translation>Horas desde</translation>
    </message>
    <message>
        <source>Hours to</source>
        <translation>Horas hasta</translation>
    </message>
    <message>
        <source>Save the participant&apos;s attendance report as PDF</source>
        <translation>Guardar en PDF el informe de asistencia del participante</translation>
    </message>
    <message>
        <source>Report (CS&amp;V)…</source>
        <translation>Informe (CS&amp;V)…</translation>
    </message>
    <message>
        <source>Save the participant&apos;s attendance report as CSV</source>
        <translation>Guardar en CSV el informe de asistencia del participante</translation>
    </message>
    <message>
        <source>Open the participant&apos;s progress page with charts and measures</source>
        <translation>Abrir la página de progreso del participante, con gráficos y mediciones</translation>
    </message>
    <message>
        <source>Coverage summary</source>
        <translation>Resumen de cobertura</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>Make-up suggestions</source>
        <translation>Sugerencias de recuperación</translation>
    </message>
    <message>
        <source>Coverage of the track</source>
        <translation>Cobertura de la secuencia</translation>
    </message>
    <message>
        <source>Hours summary</source>
        <translation>Resumen de horas</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programadas</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Days at minimum</source>
        <translation>Días en el mínimo</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Horas semanales</translation>
    </message>
    <message>
        <source>&amp;Show past enrollments</source>
        <translation>M&amp;ostrar inscripciones pasadas</translation>
    </message>
    <message>
        <source>Att&amp;endance report (PDF)…</source>
        <translation>In&amp;forme de asistencia (PDF)…</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>D&amp;esde:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Has&amp;ta:</translation>
    </message>
    <message>
        <source>Par&amp;ticipant:</source>
        <translation>Pa&amp;rticipante:</translation>
    </message>
    <message>
        <source>Group tabs</source>
        <translation>Pestañas del grupo</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>Detalle&amp;s</translation>
    </message>
    <message>
        <source>Partici&amp;pants</source>
        <translation>Partici&amp;pantes</translation>
    </message>
    <message>
        <source>Ho&amp;urs and coverage</source>
        <translation>&amp;Horas y cobertura</translation>
    </message>
    <message>
        <source>&lt;p&gt;Loading the groups…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cargando los grupos…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>&lt;p&gt;The groups could not be read; the details are in the log.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No se pudieron leer los grupos; los detalles están en el registro.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No groups yet. Choose &lt;b&gt;New group…&lt;/b&gt; to add one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aún no hay grupos. Elija &lt;b&gt;Grupo nuevo…&lt;/b&gt; para agregar uno.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{title} ({count} sessions)</source>
        <translation>{title} ({count} sesiones)</translation>
    </message>
    <message>
        <source>{cid} (not loaded)</source>
        <translation>{cid} (no cargado)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Schedule:&lt;/b&gt; {schedule} · from {start} to {end}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Horario:&lt;/b&gt; {schedule} · del {start} al {end}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Schedule:&lt;/b&gt; {schedule} · from {start}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Horario:&lt;/b&gt; {schedule} · desde el {start}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Track (rolling):&lt;/b&gt; {track}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Secuencia (continua):&lt;/b&gt; {track}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Track:&lt;/b&gt; {track}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Secuencia:&lt;/b&gt; {track}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Enrolled today:&lt;/b&gt; {count} of capacity {capacity} (more than the clinic&apos;s usual {usual})&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Inscritos hoy:&lt;/b&gt; {count} de una capacidad de {capacity} (más de lo habitual en la clínica, {usual})&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Enrolled today:&lt;/b&gt; {count} of capacity {capacity}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Inscritos hoy:&lt;/b&gt; {count} de una capacidad de {capacity}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{name}&lt;/h2&gt;&lt;p&gt;&lt;b&gt;{group_type}&lt;/b&gt; · {admission} admission · room {room}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{name}&lt;/h2&gt;&lt;p&gt;&lt;b&gt;{group_type}&lt;/b&gt; · admisión: {admission} · sala {room}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Facilitators:&lt;/b&gt; {staff}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Facilitadores:&lt;/b&gt; {staff}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Next meetings&lt;/h3&gt;&lt;ul&gt;{rows}&lt;/ul&gt;</source>
        <translation>&lt;h3&gt;Próximas reuniones&lt;/h3&gt;&lt;ul&gt;{rows}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;li&gt;None planned: use Plan meetings.&lt;/li&gt;</source>
        <translation>&lt;li&gt;Ninguna planificada: use Planificar reuniones.&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Reading hours and coverage…</source>
        <translation>Leyendo horas y cobertura…</translation>
    </message>
    <message>
        <source>Hours and coverage could not be read; the details are in the log.</source>
        <translation>No se pudieron leer las horas y la cobertura; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Could not read hours</source>
        <translation>No se pudieron leer las horas</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weekly hours&lt;/b&gt; (clinic time, Monday to Sunday): {count} weeks, {flagged} flagged.</source>
        <translation>&lt;b&gt;Horas semanales&lt;/b&gt; (hora de la clínica, de lunes a domingo): {count} semanas, {flagged} con alerta.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>none soon</source>
        <translation>ninguna pronto</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coverage&lt;/b&gt;: {attended} of {steps} sessions of the track attended; missed sessions with upcoming meetings are suggested as make-ups.</source>
        <translation>&lt;b&gt;Cobertura&lt;/b&gt;: asistió a {attended} de {steps} sesiones de la secuencia; para las sesiones perdidas con reuniones próximas se sugiere recuperarlas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coverage&lt;/b&gt;: {attended} of {steps} sessions of the track attended.</source>
        <translation>&lt;b&gt;Cobertura&lt;/b&gt;: asistió a {attended} de {steps} sesiones de la secuencia.</translation>
    </message>
    <message>
        <source>Sessions not re-assigned</source>
        <translation>Sesiones no reasignadas</translation>
    </message>
    <message>
        <source>Meetings not planned</source>
        <translation>Reuniones no planificadas</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Meetings added from the schedule: {added}.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Reuniones agregadas desde el horario: {added}.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Care record</source>
        <translation>Expediente de atención</translation>
    </message>
    <message>
        <source>Select a participant in the list first.</source>
        <translation>Seleccione primero un participante en la lista.</translation>
    </message>
    <message>
        <source>Enroll</source>
        <translation>Inscribir</translation>
    </message>
    <message>
        <source>Every active participant is already enrolled in this group.</source>
        <translation>Todos los participantes activos ya están inscritos en este grupo.</translation>
    </message>
    <message>
        <source>Enroll in {name}:</source>
        <translation>Inscribir en {name}:</translation>
    </message>
    <message>
        <source>Enroll the new participant in {name} from today?</source>
        <translation>¿Inscribir al participante nuevo en {name} desde hoy?</translation>
    </message>
    <message>
        <source>Enrolled, with a warning</source>
        <translation>Inscrito, con una advertencia</translation>
    </message>
    <message>
        <source>Not enrolled</source>
        <translation>No inscrito</translation>
    </message>
    <message>
        <source>End enrollment</source>
        <translation>Terminar inscripción</translation>
    </message>
    <message>
        <source>Last day for {participant_name} (YYYY-MM-DD):</source>
        <translation>Último día de {participant_name} (AAAA-MM-DD):</translation>
    </message>
    <message>
        <source>Enrollment not ended</source>
        <translation>Inscripción no terminada</translation>
    </message>
    <message>
        <source>{text!r} is not a date like {example}.</source>
        <translation>{text!r} no es una fecha como {example}.</translation>
    </message>
    <message>
        <source>Report saved to {path}; it carries the 42 CFR part 2 notice.</source>
        <translation>Informe guardado en {path}; lleva el aviso de 42 CFR parte 2.</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Informe no guardado</translation>
    </message>
    <message>
        <source>Enro&amp;ll…</source>
        <translation>Inscri&amp;bir…</translation>
    </message>
    <message>
        <source>Care rec&amp;ord…</source>
        <translation>E&amp;xpediente de atención…</translation>
    </message>
    <message>
        <source>&lt;li&gt;{day} {time}: {session}&lt;/li&gt;</source>
        <translation>&lt;li&gt;{day} {time}: {session}&lt;/li&gt;</translation>
    </message>
    <message>
        <source>Save attendance report</source>
        <translation>Guardar informe de asistencia</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>A long report</source>
        <translation>Un informe largo</translation>
    </message>
    <message>
        <source>This report covers {years:.1f} years ({first} to {last}) and may take a while. Make it anyway?</source>
        <translation>Este informe abarca {years:.1f} años (del {first} al {last}) y puede tardar. ¿Hacerlo de todos modos?</translation>
    </message>
    <message>
        <source>Reading attendance…</source>
        <translation>Leyendo la asistencia…</translation>
    </message>
    <message>
        <source>Laying out {count} meetings…</source>
        <translation>Organizando {count} reuniones…</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>{disk_full}: {path} was not written.</source>
        <translation>{disk_full}: no se escribió {path}.</translation>
    </message>
    <message>
        <source>see the log for details</source>
        <translation>vea el registro para más detalles</translation>
    </message>
    <message>
        <source>The report could not be saved to {path} ({reason}).</source>
        <translation>No se pudo guardar el informe en {path} ({reason}).</translation>
    </message>
    <message>
        <source>Making the attendance report…</source>
        <translation>Preparando el informe de asistencia…</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Curriculum library</source>
        <translation>Biblioteca de currículos</translation>
    </message>
    <message>
        <source>Search titles, scripts, prompts and handouts (Ctrl+F)</source>
        <translation>Buscar en títulos, guiones, preguntas y folletos (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Curricula by group type</source>
        <translation>Currículos por tipo de grupo</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>Curriculum text</source>
        <translation>Texto del currículo</translation>
    </message>
    <message>
        <source>Clinic curricula folder</source>
        <translation>Carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>&amp;Change folder…</source>
        <translation>Ca&amp;mbiar carpeta…</translation>
    </message>
    <message>
        <source>Change the clinic curricula folder</source>
        <translation>Cambiar la carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>A&amp;brir carpeta</translation>
    </message>
    <message>
        <source>Open the clinic curricula folder</source>
        <translation>Abrir la carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>Curriculum problems summary</source>
        <translation>Resumen de problemas de los currículos</translation>
    </message>
    <message>
        <source>Problems in curriculum files</source>
        <translation>Problemas en archivos de currículos</translation>
    </message>
    <message>
        <source>&lt;p&gt;The curriculum that was open is no longer loaded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;El currículo que estaba abierto ya no está cargado.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Nothing matches “{typed}”.</source>
        <translation>Nada coincide con “{typed}”.</translation>
    </message>
    <message>
        <source>Choose the clinic curricula folder</source>
        <translation>Elija la carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>Clinic curricula folder: {folder} (does not exist yet: it is created when you open it) — {count} clinic curricula loaded; the folder is watched for changes.</source>
        <translation>Carpeta de currículos de la clínica: {folder} (aún no existe: se crea al abrirla) — {count} currículos de la clínica cargados; se vigilan los cambios en la carpeta.</translation>
    </message>
    <message>
        <source>Clinic curricula folder: {folder} — 1 clinic curriculum loaded; the folder is watched for changes.</source>
        <translation>Carpeta de currículos de la clínica: {folder} — 1 currículo de la clínica cargado; se vigilan los cambios en la carpeta.</translation>
    </message>
    <message>
        <source>Clinic curricula folder: {folder} — {count} clinic curricula loaded; the folder is watched for changes.</source>
        <translation>Carpeta de currículos de la clínica: {folder} — {count} currículos de la clínica cargados; se vigilan los cambios en la carpeta.</translation>
    </message>
    <message>
        <source>⚠ 1 curriculum file has problems and was not loaded. Fix the lines below; the library updates when you save.</source>
        <translation>⚠ 1 archivo de currículo tiene problemas y no se cargó. Corrija las líneas de abajo; la biblioteca se actualiza al guardar.</translation>
    </message>
    <message>
        <source>⚠ {count} curriculum files have problems and were not loaded. Fix the lines below; the library updates when you save.</source>
        <translation>⚠ {count} archivos de currículos tienen problemas y no se cargaron. Corrija las líneas de abajo; la biblioteca se actualiza al guardar.</translation>
    </message>
    <message>
        <source>All {count} curriculum files loaded without problems.</source>
        <translation>Los {count} archivos de currículos se cargaron sin problemas.</translation>
    </message>
    <message>
        <source>{count} {group_type}</source>
        <translation>{count} {group_type}</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Curriculum library&lt;/h1&gt;&lt;p&gt;{count} curricula are loaded ({yet}).&lt;/p&gt;&lt;p&gt;Choose a curriculum or a session on the left to read its objectives, agenda, facilitator&apos;s script, prompts, role plays and handouts, or search with Ctrl+F.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Biblioteca de currículos&lt;/h1&gt;&lt;p&gt;Hay {count} currículos cargados ({yet}).&lt;/p&gt;&lt;p&gt;Elija un currículo o una sesión a la izquierda para leer sus objetivos, agenda, guion del facilitador, preguntas, juegos de roles y folletos, o busque con Ctrl+F.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>ninguno todavía</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Facilitator locked itself to protect client records. {who} is signed in; type the password to go on.</source>
        <translation>Facilitator se bloqueó para proteger los expedientes de los clientes. {who} tiene la sesión iniciada; escriba la contraseña para continuar.</translation>
    </message>
    <message>
        <source>Who is signed in</source>
        <translation>Quién tiene la sesión iniciada</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Sign out and s&amp;witch user</source>
        <translation>Cerrar sesión y ca&amp;mbiar de usuario</translation>
    </message>
    <message>
        <source>Sign out and switch user</source>
        <translation>Cerrar sesión y cambiar de usuario</translation>
    </message>
</context>
<context>
    <name>LogoPicker</name>
    <message>
        <source>Clinic logo preview</source>
        <translation>Vista previa del logotipo de la clínica</translation>
    </message>
    <message>
        <source>Ch&amp;oose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Choose a logo image for printed pages</source>
        <translation>Elegir una imagen de logotipo para las páginas impresas</translation>
    </message>
    <message>
        <source>A PNG or JPEG up to 512 KB; it prints at the top left of handouts and reports</source>
        <translation>Un PNG o JPEG de hasta 512 KB; se imprime arriba a la izquierda en folletos e informes</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Quitar el logotipo</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logotipo de la clínica</translation>
    </message>
    <message>
        <source>{name} could not be read ({exc}).</source>
        <translation>No se pudo leer {name} ({exc}).</translation>
    </message>
    <message>
        <source>{name} is {size} KB; please choose an image of 512 KB or less.</source>
        <translation>{name} pesa {size} KB; elija una imagen de 512 KB o menos.</translation>
    </message>
    <message>
        <source>{name} is not a PNG or JPEG image.</source>
        <translation>{name} no es una imagen PNG ni JPEG.</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No logo: pages show the clinic name only.</source>
        <translation>Sin logotipo: las páginas muestran solo el nombre de la clínica.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Library</source>
        <translation>Biblioteca</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <source>Demo clinic</source>
        <translation>Clínica de demostración</translation>
    </message>
    <message>
        <source>Facilitator main window</source>
        <translation>Ventana principal de Facilitator</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Current page</source>
        <translation>Página actual</translation>
    </message>
    <message>
        <source>{title} (Ctrl+{n})</source>
        <translation>{title} (Ctrl+{n})</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Opening the clinic&apos;s database and curricula…</source>
        <translation>Abriendo la base de datos y los currículos de la clínica…</translation>
    </message>
    <message>
        <source>Loading status</source>
        <translation>Estado de la carga</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progreso de la carga</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>Opening your pages…</source>
        <translation>Abriendo sus páginas…</translation>
    </message>
    <message>
        <source>The database was upgraded; a copy of the old one is at {upgrade_backup}</source>
        <translation>La base de datos se actualizó; hay una copia de la anterior en {upgrade_backup}</translation>
    </message>
    <message>
        <source>Could not open the database</source>
        <translation>No se pudo abrir la base de datos</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>C&amp;onfiguración…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Abrir la carpeta del &amp;registro</translation>
    </message>
    <message>
        <source>&amp;About Facilitator</source>
        <translation>&amp;Acerca de Facilitator</translation>
    </message>
    <message>
        <source>Run session</source>
        <translation>Conducir la sesión</translation>
    </message>
    <message>
        <source>This meeting&apos;s curriculum session is not loaded, so it cannot be run.</source>
        <translation>La sesión del currículo de esta reunión no está cargada, así que no se puede conducir.</translation>
    </message>
    <message>
        <source>About Facilitator</source>
        <translation>Acerca de Facilitator</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Facilitator {version}&lt;/h3&gt;&lt;p&gt;Runs Intensive Outpatient Program groups: curricula, session timers, attendance, progress notes and handouts.&lt;/p&gt;&lt;p&gt;Records here are protected by HIPAA and 42 CFR Part 2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Facilitator {version}&lt;/h3&gt;&lt;p&gt;Conduce grupos de Programas Intensivos Ambulatorios: currículos, temporizadores de sesión, asistencia, notas de evolución y folletos.&lt;/p&gt;&lt;p&gt;Los expedientes aquí están protegidos por HIPAA y 42 CFR Parte 2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Clinic name not set (File › Settings)</source>
        <translation>Nombre de la clínica sin definir (Archivo › Configuración)</translation>
    </message>
    <message>
        <source>{name} · {count} curricula</source>
        <translation>{name} · {count} currículos</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note editor</source>
        <translation>Editor de notas</translation>
    </message>
    <message>
        <source>Note heading</source>
        <translation>Encabezado de la nota</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Cambiado en otro lugar</translation>
    </message>
    <message>
        <source>What changed elsewhere</source>
        <translation>Qué cambió en otro lugar</translation>
    </message>
    <message>
        <source>Reload the version saved elsewhere; your changes are dropped</source>
        <translation>Cargar la versión guardada en otro lugar; se descartan sus cambios</translation>
    </message>
    <message>
        <source>Save your text over the version saved elsewhere</source>
        <translation>Guardar su texto encima de la versión guardada en otro lugar</translation>
    </message>
    <message>
        <source>Supervisor&apos;s comment</source>
        <translation>Comentario del supervisor</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advertencias</translation>
    </message>
    <message>
        <source>Note fields</source>
        <translation>Campos de la nota</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>Quién firma</translation>
    </message>
    <message>
        <source>&amp;Sign and lock…</source>
        <translation>&amp;Firmar y bloquear…</translation>
    </message>
    <message>
        <source>Sign and lock the note</source>
        <translation>Firmar y bloquear la nota</translation>
    </message>
    <message>
        <source>Sign as the account you signed in with; asks first, then the note locks (Ctrl+Shift+S)</source>
        <translation>Firmar con la cuenta con la que inició sesión; pregunta primero y luego la nota se bloquea (Ctrl+Mayús+S)</translation>
    </message>
    <message>
        <source>Signatures and addenda</source>
        <translation>Firmas y adendas</translation>
    </message>
    <message>
        <source>Add a&amp;ddendum…</source>
        <translation>A&amp;gregar adenda…</translation>
    </message>
    <message>
        <source>Add a dated addendum to this signed note</source>
        <translation>Agregar una adenda fechada a esta nota firmada</translation>
    </message>
    <message>
        <source>Entered in err&amp;or…</source>
        <translation>Registrada por e&amp;rror…</translation>
    </message>
    <message>
        <source>Mark this signed note as entered in error, with the reason</source>
        <translation>Marcar esta nota firmada como registrada por error, con el motivo</translation>
    </message>
    <message>
        <source>Returned by your supervisor: {return_comment}</source>
        <translation>Devuelta por su supervisor: {return_comment}</translation>
    </message>
    <message>
        <source>You sign as {signature}</source>
        <translation>Usted firma como {signature}</translation>
    </message>
    <message>
        <source>This note is signed and locked; add an addendum to add to it.</source>
        <translation>Esta nota está firmada y bloqueada; agregue una adenda para completarla.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:@error&apos;&gt;Entered in error&lt;/b&gt; ({error_at}): {error_reason}</source>
        <translation>&lt;b style=&apos;color:@error&apos;&gt;Registrada por error&lt;/b&gt; ({error_at}): {error_reason}</translation>
    </message>
    <message>
        <source>Signed: {signature} — {signed_at}</source>
        <translation>Firmada: {signature} — {signed_at}</translation>
    </message>
    <message>
        <source>Co-signed: {cosignature} — {cosigned_at}</source>
        <translation>Cofirmada: {cosignature} — {cosigned_at}</translation>
    </message>
    <message>
        <source>Addendum {created_at}, {signature}: {text}</source>
        <translation>Adenda {created_at}, {signature}: {text}</translation>
    </message>
    <message>
        <source>Not saved: this note changed elsewhere; choose above what to keep.</source>
        <translation>No guardada: esta nota cambió en otro lugar; elija arriba qué conservar.</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Cambios sin guardar…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {time:%H:%M:%S}</source>
        <translation>Guardada a las {time:%H:%M:%S}</translation>
    </message>
    <message>
        <source>Not saved: {exc}</source>
        <translation>No guardada: {exc}</translation>
    </message>
    <message>
        <source>Changed on another workstation by {who} at {when} — reload to see it.</source>
        <translation>Cambiada en otra estación de trabajo por {who} a las {when}; vuelva a cargarla para verla.</translation>
    </message>
    <message>
        <source>Cannot sign yet</source>
        <translation>Aún no se puede firmar</translation>
    </message>
    <message>
        <source>Fill in {sections} before signing.</source>
        <translation>Complete {sections} antes de firmar.</translation>
    </message>
    <message>
        <source>Sign and lock</source>
        <translation>Firmar y bloquear</translation>
    </message>
    <message>
        <source>&amp;Sign and lock</source>
        <translation>&amp;Firmar y bloquear</translation>
    </message>
    <message>
        <source>Not signed; the note is still a draft.</source>
        <translation>Sin firmar; la nota sigue como borrador.</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>Firmando…</translation>
    </message>
    <message>
        <source>Not signed: this note changed elsewhere; choose above what to keep.</source>
        <translation>Sin firmar: esta nota cambió en otro lugar; elija arriba qué conservar.</translation>
    </message>
    <message>
        <source>Not signed; the note is kept as a draft.</source>
        <translation>Sin firmar; la nota se conserva como borrador.</translation>
    </message>
    <message>
        <source>Cannot sign</source>
        <translation>No se puede firmar</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Adenda</translation>
    </message>
    <message>
        <source>Addendum (dated and signed; the note itself stays as it is):</source>
        <translation>Adenda (fechada y firmada; la nota en sí queda como está):</translation>
    </message>
    <message>
        <source>Entered in error</source>
        <translation>Registrada por error</translation>
    </message>
    <message>
        <source>Why was this note entered in error? (The note stays in the record, marked.)</source>
        <translation>¿Por qué se registró esta nota por error? (La nota queda en el expediente, marcada.)</translation>
    </message>
    <message>
        <source>Still to fill in: {sections}.</source>
        <translation>Falta completar: {sections}.</translation>
    </message>
    <message>
        <source>This note is {percent}% alike {note}&apos;s note; describe what this person did.</source>
        <translation>Esta nota se parece en un {percent}% a la nota de {note}; describa lo que hizo esta persona.</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>My notes</source>
        <translation>Mis notas</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Meetings to document</source>
        <translation>Reuniones por documentar</translation>
    </message>
    <message>
        <source>&amp;Write notes for this meeting</source>
        <translation>&amp;Escribir notas de esta reunión</translation>
    </message>
    <message>
        <source>Write notes for the selected meeting</source>
        <translation>Escribir notas de la reunión seleccionada</translation>
    </message>
    <message>
        <source>&amp;My notes</source>
        <translation>&amp;Mis notas</translation>
    </message>
    <message>
        <source>M&amp;eetings (last two weeks)</source>
        <translation>Reuni&amp;ones (últimas dos semanas)</translation>
    </message>
    <message>
        <source>Notes of this meeting</source>
        <translation>Notas de esta reunión</translation>
    </message>
    <message>
        <source>Absent participants</source>
        <translation>Participantes ausentes</translation>
    </message>
    <message>
        <source>&amp;Notes of this meeting</source>
        <translation>Notas de esta re&amp;unión</translation>
    </message>
    <message>
        <source>E&amp;xport meeting PDF…</source>
        <translation>E&amp;xportar PDF de la reunión…</translation>
    </message>
    <message>
        <source>Export this meeting&apos;s signed notes as a PDF</source>
        <translation>Exportar en PDF las notas firmadas de esta reunión</translation>
    </message>
    <message>
        <source>&amp;Chart…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Show this participant&apos;s notes in date order</source>
        <translation>Mostrar las notas de este participante por fecha</translation>
    </message>
    <message>
        <source>This group&apos;s note format (supervisors and administrators)</source>
        <translation>Formato de nota de este grupo (supervisores y administradores)</translation>
    </message>
    <message>
        <source>Group&apos;s note forma&amp;t:</source>
        <translation>Forma&amp;to de nota del grupo:</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devueltas</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Atrasadas</translation>
    </message>
    <message>
        <source>Waiting for co-signature</source>
        <translation>En espera de cofirma</translation>
    </message>
    <message>
        <source>Group note</source>
        <translation>Nota grupal</translation>
    </message>
    <message>
        <source>Cannot open notes</source>
        <translation>No se pueden abrir las notas</translation>
    </message>
    <message>
        <source>Absent (no note): {absent}</source>
        <translation>Ausentes (sin nota): {absent}</translation>
    </message>
    <message>
        <source>New notes of {group_name} will be {fmt}.</source>
        <translation>Las notas nuevas de {group_name} serán {fmt}.</translation>
    </message>
    <message>
        <source>Note format</source>
        <translation>Formato de nota</translation>
    </message>
    <message>
        <source>Export meeting notes</source>
        <translation>Exportar notas de la reunión</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gathering the signed notes…</source>
        <translation>Reuniendo las notas firmadas…</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Escribiendo el PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be written to {path}: {strerror}.</source>
        <translation>No se pudo escribir el PDF en {path}: {strerror}.</translation>
    </message>
    <message>
        <source>Exporting the meeting&apos;s notes…</source>
        <translation>Exportando las notas de la reunión…</translation>
    </message>
    <message>
        <source>Exported 1 signed note to {path}.</source>
        <translation>Se exportó 1 nota firmada a {path}.</translation>
    </message>
    <message>
        <source>Exported {count} signed notes to {path}.</source>
        <translation>Se exportaron {count} notas firmadas a {path}.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>No se puede exportar</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Choose a participant&apos;s note first.</source>
        <translation>Elija primero la nota de un participante.</translation>
    </message>
    <message>
        <source>Chart: {name}</source>
        <translation>Historial: {name}</translation>
    </message>
    <message>
        <source>Chart of {name}</source>
        <translation>Historial de {name}</translation>
    </message>
    <message>
        <source>Notes in date order</source>
        <translation>Notas por fecha</translation>
    </message>
    <message>
        <source>&lt;p&gt;No notes yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aún no hay notas.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Record an observation</source>
        <translation>Registrar una observación</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>What you saw, in a few words; Enter saves</source>
        <translation>Lo que vio, en pocas palabras; Intro guarda</translation>
    </message>
    <message>
        <source>Last observation saved</source>
        <translation>Última observación guardada</translation>
    </message>
    <message>
        <source>&amp;Who:</source>
        <translation>&amp;Quién:</translation>
    </message>
    <message>
        <source>&amp;Observation:</source>
        <translation>&amp;Observación:</translation>
    </message>
    <message>
        <source>Saved for {name} at {time:%H:%M}.</source>
        <translation>Guardada para {name} a las {time:%H:%M}.</translation>
    </message>
    <message>
        <source>Observation not saved</source>
        <translation>Observación no guardada</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Edit participant</source>
        <translation>Editar participante</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Participante nuevo</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Date of birth (optional)</source>
        <translation>Fecha de nacimiento (opcional)</translation>
    </message>
    <message>
        <source>Delete clears the date of birth (not recorded)</source>
        <translation>Supr borra la fecha de nacimiento (no registrada)</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>no registrada</translation>
    </message>
    <message>
        <source>Program start</source>
        <translation>Inicio del programa</translation>
    </message>
    <message>
        <source>Adult or adolescent</source>
        <translation>Adulto o adolescente</translation>
    </message>
    <message>
        <source>Own &amp;weekly target:</source>
        <translation>Meta semanal p&amp;ropia:</translation>
    </message>
    <message>
        <source>Use an own weekly hours target</source>
        <translation>Usar una meta propia de horas semanales</translation>
    </message>
    <message>
        <source>Weekly hours target</source>
        <translation>Meta de horas semanales</translation>
    </message>
    <message>
        <source>Handout language (BCP 47, e.g. en, es)</source>
        <translation>Idioma de los folletos (BCP 47, p. ej., en, es)</translation>
    </message>
    <message>
        <source>&amp;Large print handouts</source>
        <translation>Folletos en &amp;letra grande</translation>
    </message>
    <message>
        <source>Large print handouts</source>
        <translation>Folletos en letra grande</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Treatment goals, one per line, up to {max}</source>
        <translation>Metas del tratamiento, una por línea, hasta {max}</translation>
    </message>
    <message>
        <source>One short goal per line (up to {max}); notes refer to them.</source>
        <translation>Una meta breve por línea (hasta {max}); las notas se refieren a ellas.</translation>
    </message>
    <message>
        <source>Relatives and partners</source>
        <translation>Familiares y parejas</translation>
    </message>
    <message>
        <source>Add &amp;relative or partner…</source>
        <translation>Agregar &amp;familiar o pareja…</translation>
    </message>
    <message>
        <source>Add a relative or partner</source>
        <translation>Agregar un familiar o pareja</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected relative</source>
        <translation>Quitar el familiar seleccionado</translation>
    </message>
    <message>
        <source>&amp;Preferred name:</source>
        <translation>Nombre &amp;preferido:</translation>
    </message>
    <message>
        <source>Le&amp;gal name:</source>
        <translation>Nombre le&amp;gal:</translation>
    </message>
    <message>
        <source>Record &amp;number:</source>
        <translation>&amp;Número de expediente:</translation>
    </message>
    <message>
        <source>Date of &amp;birth:</source>
        <translation>Fecha de naci&amp;miento:</translation>
    </message>
    <message>
        <source>Program &amp;start:</source>
        <translation>&amp;Inicio del programa:</translation>
    </message>
    <message>
        <source>A&amp;udience:</source>
        <translation>Públic&amp;o:</translation>
    </message>
    <message>
        <source>Weekly hours:</source>
        <translation>Horas semanales:</translation>
    </message>
    <message>
        <source>Han&amp;dout language:</source>
        <translation>I&amp;dioma de los folletos:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <source>Treatment g&amp;oals:</source>
        <translation>Me&amp;tas del tratamiento:</translation>
    </message>
    <message>
        <source>Relatives:</source>
        <translation>Familiares:</translation>
    </message>
    <message>
        <source>en</source>
        <translation>en</translation>
    </message>
    <message>
        <source>Save the participant first, then add relatives.</source>
        <translation>Guarde primero al participante y luego agregue familiares.</translation>
    </message>
    <message>
        <source>clinic default for adolescents: {hours:g} h</source>
        <translation>predeterminado de la clínica para adolescentes: {hours:g} h</translation>
    </message>
    <message>
        <source>clinic default for adults: {hours:g} h</source>
        <translation>predeterminado de la clínica para adultos: {hours:g} h</translation>
    </message>
    <message>
        <source>Participant not saved</source>
        <translation>Participante no guardado</translation>
    </message>
    <message>
        <source>Participant not reloaded</source>
        <translation>Participante no recargado</translation>
    </message>
    <message>
        <source>Add relative or partner</source>
        <translation>Agregar familiar o pareja</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Nom&amp;bre:</translation>
    </message>
    <message>
        <source>&amp;Relationship (partner, mother, …):</source>
        <translation>&amp;Relación (pareja, madre, …):</translation>
    </message>
    <message>
        <source>Relative not added</source>
        <translation>Familiar no agregado</translation>
    </message>
    <message>
        <source>Relative not removed</source>
        <translation>Familiar no quitado</translation>
    </message>
</context>
<context>
    <name>ParticipantPage</name>
    <message>
        <source>Progress — Facilitator</source>
        <translation>Progreso — Facilitator</translation>
    </message>
    <message>
        <source>Participant&apos;s progress</source>
        <translation>Progreso del participante</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Primer día mostrado</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Último día mostrado</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>Safety flags</source>
        <translation>Alertas de seguridad</translation>
    </message>
    <message>
        <source>&amp;Acknowledge safety flag…</source>
        <translation>&amp;Confirmar alerta de seguridad…</translation>
    </message>
    <message>
        <source>Acknowledge the open safety flag</source>
        <translation>Confirmar la alerta de seguridad abierta</translation>
    </message>
    <message>
        <source>Page status</source>
        <translation>Estado de la página</translation>
    </message>
    <message>
        <source>Enter &amp;PHQ-9…</source>
        <translation>Ingresar &amp;PHQ-9…</translation>
    </message>
    <message>
        <source>Enter &amp;GAD-7…</source>
        <translation>Ingresar &amp;GAD-7…</translation>
    </message>
    <message>
        <source>&amp;Drug screen…</source>
        <translation>P&amp;rueba de drogas…</translation>
    </message>
    <message>
        <source>Progress &amp;report (PDF)…</source>
        <translation>&amp;Informe de progreso (PDF)…</translation>
    </message>
    <message>
        <source>&amp;My progress page (PDF)…</source>
        <translation>&amp;Mi página de progreso (PDF)…</translation>
    </message>
    <message>
        <source>&amp;Blank PHQ-9 and GAD-7 forms (PDF)…</source>
        <translation>Formularios PHQ-9 y GAD-7 en &amp;blanco (PDF)…</translation>
    </message>
    <message>
        <source>Care rec&amp;ord…</source>
        <translation>E&amp;xpediente de atención…</translation>
    </message>
    <message>
        <source>Co&amp;nsents and letters…</source>
        <translation>Co&amp;nsentimientos y cartas…</translation>
    </message>
    <message>
        <source>Enter a PHQ-9 for this participant</source>
        <translation>Ingresar un PHQ-9 de este participante</translation>
    </message>
    <message>
        <source>Enter a GAD-7 for this participant</source>
        <translation>Ingresar un GAD-7 de este participante</translation>
    </message>
    <message>
        <source>Enter a drug screen for this participant</source>
        <translation>Ingresar una prueba de drogas de este participante</translation>
    </message>
    <message>
        <source>Save the progress report for the supervisor and the chart</source>
        <translation>Guardar el informe de progreso para el supervisor y el historial</translation>
    </message>
    <message>
        <source>Save the large-print my progress page for the participant</source>
        <translation>Guardar para el participante la página «Mi progreso» en letra grande</translation>
    </message>
    <message>
        <source>Save blank PHQ-9 and GAD-7 forms to fill in on paper</source>
        <translation>Guardar formularios PHQ-9 y GAD-7 en blanco para llenar en papel</translation>
    </message>
    <message>
        <source>Open the care record: level of care, criteria, discharge and aftercare</source>
        <translation>Abrir el expediente de atención: nivel de atención, criterios, alta y seguimiento</translation>
    </message>
    <message>
        <source>Open the consents to disclose and the letters sent under them</source>
        <translation>Abrir los consentimientos para divulgar y las cartas enviadas con ellos</translation>
    </message>
    <message>
        <source>The first day is after the last day; change one of them.</source>
        <translation>El primer día es posterior al último; cambie uno de los dos.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>The participant&apos;s progress could not be read; the details are in the log.</source>
        <translation>No se pudo leer el progreso del participante; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Progress not read</source>
        <translation>Progreso no leído</translation>
    </message>
    <message>
        <source>Progress: {name} — Facilitator</source>
        <translation>Progreso: {name} — Facilitator</translation>
    </message>
    <message>
        <source>Safety flag open — follow the safety protocol.
{lines}</source>
        <translation>Alerta de seguridad abierta: siga el protocolo de seguridad.
{lines}</translation>
    </message>
    <message>
        <source>{first} to {last}. Tab to a chart and press N for its numbers; Ctrl+1 to Ctrl+6 jump.</source>
        <translation>Del {first} al {last}. Vaya con Tab a un gráfico y pulse N para ver sus cifras; Ctrl+1 a Ctrl+6 saltan.</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save progress report</source>
        <translation>Guardar informe de progreso</translation>
    </message>
    <message>
        <source>Save my progress page</source>
        <translation>Guardar la página «Mi progreso»</translation>
    </message>
    <message>
        <source>Save blank forms</source>
        <translation>Guardar formularios en blanco</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>The file could not be saved to {path} ({reason}).</source>
        <translation>No se pudo guardar el archivo en {path} ({reason}).</translation>
    </message>
    <message>
        <source>see the log</source>
        <translation>vea el registro</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Se guardó {path}.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Print handouts</source>
        <translation>Imprimir folletos</translation>
    </message>
    <message>
        <source>Print this session&apos;s handouts, or the curriculum&apos;s workbook (Ctrl+P)</source>
        <translation>Imprimir los folletos de esta sesión o el cuaderno de trabajo del currículo (Ctrl+P)</translation>
    </message>
    <message>
        <source>Facilitator gu&amp;ide…</source>
        <translation>&amp;Guía del facilitador…</translation>
    </message>
    <message>
        <source>Print the facilitator guide</source>
        <translation>Imprimir la guía del facilitador</translation>
    </message>
    <message>
        <source>Print this session&apos;s facilitator guide with its role cards (Ctrl+Shift+P)</source>
        <translation>Imprimir la guía del facilitador de esta sesión con sus tarjetas de roles (Ctrl+Mayús+P)</translation>
    </message>
    <message>
        <source>Handout packet</source>
        <translation>Paquete de folletos</translation>
    </message>
    <message>
        <source>This meeting&apos;s curriculum is not loaded, so its handouts cannot be printed.</source>
        <translation>El currículo de esta reunión no está cargado, así que no se pueden imprimir sus folletos.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print handouts and guides</source>
        <translation>Imprimir folletos y guías</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Qué imprimir</translation>
    </message>
    <message>
        <source>Number of copies</source>
        <translation>Número de copias</translation>
    </message>
    <message>
        <source>One copy of every handout of the session for each person</source>
        <translation>Una copia de cada folleto de la sesión para cada persona</translation>
    </message>
    <message>
        <source>&amp;Large print (18 point)</source>
        <translation>&amp;Letra grande (18 puntos)</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Every copy in large print. Unticked, each person gets the size their record asks for.</source>
        <translation>Todas las copias en letra grande. Sin marcar, cada persona recibe el tamaño que pide su expediente.</translation>
    </message>
    <message>
        <source>&amp;Two-sided printing</source>
        <translation>Impresión a &amp;doble cara</translation>
    </message>
    <message>
        <source>Two-sided printing, each copy on its own sheets</source>
        <translation>Impresión a doble cara, cada copia en sus propias hojas</translation>
    </message>
    <message>
        <source>Tick this when the printer prints on both sides: a blank page is added where one copy would otherwise end on the front of a sheet whose back starts the next copy.</source>
        <translation>Marque esto si la impresora imprime por ambos lados: se agrega una página en blanco donde una copia terminaría en el frente de una hoja cuyo reverso empieza la copia siguiente.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Print first &amp;names</source>
        <translation>Imprimir los &amp;nombres</translation>
    </message>
    <message>
        <source>Print first names on handouts</source>
        <translation>Imprimir los nombres de pila en los folletos</translation>
    </message>
    <message>
        <source>Each copy carries its owner&apos;s first name. A named handout is protected information.</source>
        <translation>Cada copia lleva el nombre de pila de su dueño. Un folleto con nombre es información protegida.</translation>
    </message>
    <message>
        <source>Named handouts are protected health information: hand each to its owner and shred any left over. Leave Two-sided printing ticked if the printer prints on both sides: each copy then starts on a new sheet.</source>
        <translation>Los folletos con nombre son información de salud protegida: entregue cada uno a su dueño y destruya los que sobren. Deje marcada la impresión a doble cara si la impresora imprime por ambos lados: así cada copia empieza en una hoja nueva.</translation>
    </message>
    <message>
        <source>Warning about named handouts</source>
        <translation>Advertencia sobre los folletos con nombre</translation>
    </message>
    <message>
        <source>&amp;Print:</source>
        <translation>&amp;Imprimir:</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>&amp;Copias:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Idi&amp;oma:</translation>
    </message>
    <message>
        <source>What will print</source>
        <translation>Qué se imprimirá</translation>
    </message>
    <message>
        <source>Notes about this print</source>
        <translation>Notas sobre esta impresión</translation>
    </message>
    <message>
        <source>Preparing the pages</source>
        <translation>Preparando las páginas</translation>
    </message>
    <message>
        <source>Preview of the pages</source>
        <translation>Vista previa de las páginas</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Página completa</translation>
    </message>
    <message>
        <source>Page width</source>
        <translation>Ancho de página</translation>
    </message>
    <message>
        <source>&amp;Zoom:</source>
        <translation>&amp;Zoom:</translation>
    </message>
    <message>
        <source>Page shown</source>
        <translation>Página mostrada</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Imp&amp;rimir…</translation>
    </message>
    <message>
        <source>Print on a printer</source>
        <translation>Imprimir en una impresora</translation>
    </message>
    <message>
        <source>Choose a printer and print these pages (Ctrl+P)</source>
        <translation>Elegir una impresora e imprimir estas páginas (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
    <message>
        <source>Choose a printer</source>
        <translation>Elija una impresora</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>Enviando las páginas a la impresora…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Printing progress</source>
        <translation>Progreso de la impresión</translation>
    </message>
    <message>
        <source>The pages could not be sent to the printer. Check that it is on and try again, or save as PDF.</source>
        <translation>No se pudieron enviar las páginas a la impresora. Revise que esté encendida e intente de nuevo, o guarde como PDF.</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer.</source>
        <translation>Se envió 1 página a la impresora.</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer.</source>
        <translation>Se enviaron {count} páginas a la impresora.</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved in {parent} ({exc}).</source>
        <translation>No se pudo guardar el PDF en {parent} ({exc}).</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>Se guardó {name}.</translation>
    </message>
    <message>
        <source>The pages could not be prepared. The log has the details; try again, or print fewer copies.</source>
        <translation>No se pudieron preparar las páginas. El registro tiene los detalles; intente de nuevo o imprima menos copias.</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} páginas</translation>
    </message>
    <message>
        <source>{pages} ({blank} left blank so each copy starts on a new sheet)</source>
        <translation>{pages} ({blank} en blanco para que cada copia empiece en una hoja nueva)</translation>
    </message>
    <message>
        <source>1 copy of {handouts} handouts</source>
        <translation>1 copia de {handouts} folletos</translation>
    </message>
    <message>
        <source>{copies} copies of {handouts} handouts</source>
        <translation>{copies} copias de {handouts} folletos</translation>
    </message>
    <message>
        <source>1 copy of 1 handout</source>
        <translation>1 copia de 1 folleto</translation>
    </message>
    <message>
        <source>{copies} copies of 1 handout</source>
        <translation>{copies} copias de 1 folleto</translation>
    </message>
    <message>
        <source>{what}: {pages}.</source>
        <translation>{what}: {pages}.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <source>{key}: {name}</source>
        <translation>{key}: {name}</translation>
    </message>
    <message>
        <source>Enter {key}</source>
        <translation>Ingresar {key}</translation>
    </message>
    <message>
        <source>Answer choices</source>
        <translation>Opciones de respuesta</translation>
    </message>
    <message>
        <source>Keyed in from the &amp;printed form</source>
        <translation>Transcrito del formulario &amp;impreso</translation>
    </message>
    <message>
        <source>Keyed in from the printed form</source>
        <translation>Transcrito del formulario impreso</translation>
    </message>
    <message>
        <source>Date it was filled in</source>
        <translation>Fecha en que se llenó</translation>
    </message>
    <message>
        <source>Filled in on:</source>
        <translation>Llenado el:</translation>
    </message>
    <message>
        <source>Item {n}: {item}</source>
        <translation>Pregunta {n}: {item}</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(sin respuesta)</translation>
    </message>
    <message>
        <source>How difficult these problems made things</source>
        <translation>Qué tan difíciles le hicieron las cosas estos problemas</translation>
    </message>
    <message>
        <source>Total so far</source>
        <translation>Total hasta ahora</translation>
    </message>
    <message>
        <source>Item {n}: type 0, 1, 2 or 3.</source>
        <translation>Pregunta {n}: escriba 0, 1, 2 o 3.</translation>
    </message>
    <message>
        <source>{done} of {items} items answered; total so far {total}</source>
        <translation>{done} de {items} preguntas respondidas; total hasta ahora: {total}</translation>
    </message>
    <message>
        <source>{key} not saved</source>
        <translation>{key} no guardado</translation>
    </message>
</context>
<context>
    <name>ReadinessPage</name>
    <message>
        <source>Ready to step down or complete</source>
        <translation>Listos para bajar de nivel o completar</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criterios</translation>
    </message>
    <message>
        <source>Participants and readiness</source>
        <translation>Participantes y preparación</translation>
    </message>
    <message>
        <source>&amp;Open care record…</source>
        <translation>&amp;Abrir expediente de atención…</translation>
    </message>
    <message>
        <source>Open the selected participant&apos;s care record</source>
        <translation>Abrir el expediente de atención del participante seleccionado</translation>
    </message>
    <message>
        <source>Discharge summaries awaiting co-signature</source>
        <translation>Resúmenes de alta en espera de cofirma</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <source>Only supervisors see who is ready to step down or complete; open a participant&apos;s care record from Groups to see their progress.</source>
        <translation>Solo los supervisores ven quién está listo para bajar de nivel o completar; abra el expediente de atención de un participante desde Grupos para ver su progreso.</translation>
    </message>
    <message>
        <source>Discharge summaries awaiting co-signature: {count}</source>
        <translation>Resúmenes de alta en espera de cofirma: {count}</translation>
    </message>
    <message>
        <source>Ready to step down</source>
        <translation>Listo para bajar de nivel</translation>
    </message>
    <message>
        <source>Ready to complete</source>
        <translation>Listo para completar</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Todavía no</translation>
    </message>
    <message>
        <source>{ready} of {total} active participants are ready to step down or complete.</source>
        <translation>{ready} de {total} participantes activos están listos para bajar de nivel o completar.</translation>
    </message>
</context>
<context>
    <name>ReportsMenu</name>
    <message>
        <source>&amp;Reports</source>
        <translation>I&amp;nformes</translation>
    </message>
    <message>
        <source>Consents and letters</source>
        <translation>Consentimientos y cartas</translation>
    </message>
    <message>
        <source>Participant&apos;s record number:</source>
        <translation>Número de expediente del participante:</translation>
    </message>
    <message>
        <source>Export &amp;services to bill…</source>
        <translation>Exportar &amp;servicios para facturar…</translation>
    </message>
    <message>
        <source>&amp;Consents and letters…</source>
        <translation>&amp;Consentimientos y cartas…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of {username}</source>
        <translation>Restablecer la contraseña de {username}</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <source>Temporary password again</source>
        <translation>Repita la contraseña temporal</translation>
    </message>
    <message>
        <source>{full_name} must choose a new password at their next sign-in.</source>
        <translation>{full_name} deberá elegir una contraseña nueva en su próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>Contraseña &amp;temporal:</translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation>Repita la c&amp;ontraseña:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Notes awaiting your co-signature</source>
        <translation>Notas en espera de su cofirma</translation>
    </message>
    <message>
        <source>Meeting / note</source>
        <translation>Reunión / nota</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Drafts past the deadline</source>
        <translation>Borradores fuera de plazo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Retraso</translation>
    </message>
    <message>
        <source>Meetings held with no notes</source>
        <translation>Reuniones realizadas sin notas</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Reunión</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presentes</translation>
    </message>
    <message>
        <source>Notes signed on time, by counselor, over the last 30 days</source>
        <translation>Notas firmadas a tiempo, por consejero, en los últimos 30 días</translation>
    </message>
    <message>
        <source>Counselor</source>
        <translation>Consejero</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tasa</translation>
    </message>
    <message>
        <source>&amp;Drafts past the deadline</source>
        <translation>&amp;Borradores fuera de plazo</translation>
    </message>
    <message>
        <source>Meetings held with &amp;no notes</source>
        <translation>Reuniones realizadas &amp;sin notas</translation>
    </message>
    <message>
        <source>On time, last 30 days</source>
        <translation>A tiempo, últimos 30 días</translation>
    </message>
    <message>
        <source>Meeting under review</source>
        <translation>Reunión en revisión</translation>
    </message>
    <message>
        <source>Notes of the meeting under review</source>
        <translation>Notas de la reunión en revisión</translation>
    </message>
    <message>
        <source>Note under review</source>
        <translation>Nota en revisión</translation>
    </message>
    <message>
        <source>Comment for the author</source>
        <translation>Comentario para el autor</translation>
    </message>
    <message>
        <source>What the author should change (needed to return a note)</source>
        <translation>Qué debe cambiar el autor (necesario para devolver una nota)</translation>
    </message>
    <message>
        <source>&amp;Co-sign…</source>
        <translation>&amp;Cofirmar…</translation>
    </message>
    <message>
        <source>Co-sign this note</source>
        <translation>Cofirmar esta nota</translation>
    </message>
    <message>
        <source>Co-sign this note; asks first (Ctrl+Return)</source>
        <translation>Cofirmar esta nota; pregunta primero (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Awaiting your co-&amp;signature</source>
        <translation>En &amp;espera de su cofirma</translation>
    </message>
    <message>
        <source>Re&amp;turn to author</source>
        <translation>De&amp;volver al autor</translation>
    </message>
    <message>
        <source>Return this note to its author with the comment</source>
        <translation>Devolver esta nota a su autor con el comentario</translation>
    </message>
    <message>
        <source>Co-sign a&amp;ll of this meeting…</source>
        <translation>Cofirmar &amp;toda esta reunión…</translation>
    </message>
    <message>
        <source>Co-sign every note of this meeting awaiting co-signature; lists them first</source>
        <translation>Cofirmar todas las notas de esta reunión en espera de cofirma; primero las enumera</translation>
    </message>
    <message>
        <source>Co&amp;mment:</source>
        <translation>Co&amp;mentario:</translation>
    </message>
    <message>
        <source>This meeting</source>
        <translation>Esta reunión</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Group note</source>
        <translation>Nota grupal</translation>
    </message>
    <message>
        <source>{due} (overdue)</source>
        <translation>{due} (atrasada)</translation>
    </message>
    <message>
        <source>{group_name}; due {due}</source>
        <translation>{group_name}; vence {due}</translation>
    </message>
    <message>
        <source>{on_time} of {due}</source>
        <translation>{on_time} de {due}</translation>
    </message>
    <message>
        <source>&amp;Awaiting your co-signature ({count})</source>
        <translation>En &amp;espera de su cofirma ({count})</translation>
    </message>
    <message>
        <source>&amp;Drafts past the deadline ({count}; due {deadline_days} business days after the meeting)</source>
        <translation>&amp;Borradores fuera de plazo ({count}; vencen {deadline_days} días hábiles después de la reunión)</translation>
    </message>
    <message>
        <source>Meetings held with &amp;no notes ({count}, last {window_days} days)</source>
        <translation>Reuniones realizadas &amp;sin notas ({count}, últimos {window_days} días)</translation>
    </message>
    <message>
        <source>On time, last {window_days} days</source>
        <translation>A tiempo, últimos {window_days} días</translation>
    </message>
    <message>
        <source>&lt;p&gt;Opening the meeting&apos;s notes…&lt;/p&gt;</source>
        <translation>&lt;p&gt;Abriendo las notas de la reunión…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No notes have been started for this meeting. Its facilitators write them from Notes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aún no se ha empezado ninguna nota de esta reunión. Sus facilitadores las escriben desde Notas.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing needs you on the desk.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No hay nada pendiente para usted.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>This note is {percent}% alike {note}&apos;s note.</source>
        <translation>Esta nota se parece en un {percent}% a la nota de {note}.</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;color:@warning&apos;&gt;&lt;b&gt;Warnings&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;/div&gt;</source>
        <translation>&lt;div style=&apos;color:@warning&apos;&gt;&lt;b&gt;Advertencias&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;&lt;/div&gt;</translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation>Cofirmar</translation>
    </message>
    <message>
        <source>&amp;Co-sign</source>
        <translation>&amp;Cofirmar</translation>
    </message>
    <message>
        <source>Cannot co-sign</source>
        <translation>No se puede cofirmar</translation>
    </message>
    <message>
        <source>Co-sign all of this meeting</source>
        <translation>Cofirmar toda esta reunión</translation>
    </message>
    <message>
        <source>&amp;Co-sign {count} notes</source>
        <translation>&amp;Cofirmar {count} notas</translation>
    </message>
    <message>
        <source>Cannot return the note</source>
        <translation>No se puede devolver la nota</translation>
    </message>
</context>
<context>
    <name>RoomDisplay</name>
    <message>
        <source>Facilitator — room display</source>
        <translation>Facilitator — pantalla de la sala</translation>
    </message>
    <message>
        <source>Room display</source>
        <translation>Pantalla de la sala</translation>
    </message>
    <message>
        <source>Display item title</source>
        <translation>Título del punto en pantalla</translation>
    </message>
    <message>
        <source>Display timer state</source>
        <translation>Estado del temporizador en pantalla</translation>
    </message>
    <message>
        <source>Display timer</source>
        <translation>Temporizador en pantalla</translation>
    </message>
    <message>
        <source>Display role-play phase</source>
        <translation>Fase del juego de roles en pantalla</translation>
    </message>
    <message>
        <source>Display phase timer</source>
        <translation>Temporizador de la fase en pantalla</translation>
    </message>
    <message>
        <source>Display roles</source>
        <translation>Roles en pantalla</translation>
    </message>
    <message>
        <source>Display scenario</source>
        <translation>Situación en pantalla</translation>
    </message>
    <message>
        <source>Display prompts</source>
        <translation>Preguntas en pantalla</translation>
    </message>
</context>
<context>
    <name>RoomView</name>
    <message>
        <source>Wrap up</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Tiempo extra</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sesión terminada</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenidos</translation>
    </message>
    <message>
        <source>Starting soon</source>
        <translation>Comenzamos pronto</translation>
    </message>
    <message>
        <source>First: {title}</source>
        <translation>Primero: {title}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Reflexión final</translation>
    </message>
    <message>
        <source>Round {round} of {rounds} · {phase}</source>
        <translation>Ronda {round} de {rounds} · {phase}</translation>
    </message>
    <message>
        <source>facilitator or open</source>
        <translation>facilitador o libre</translation>
    </message>
    <message>
        <source>Player {number}</source>
        <translation>Participante {number}</translation>
    </message>
    <message>
        <source>{role}: {player}</source>
        <translation>{role}: {player}</translation>
    </message>
    <message>
        <source>{seats} · Watching: {players}</source>
        <translation>{seats} · Observan: {players}</translation>
    </message>
    <message>
        <source>Group {letter} — {seats}</source>
        <translation>Grupo {letter} — {seats}</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <source>Import roster from CSV</source>
        <translation>Importar lista desde CSV</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <source>Choose the CSV file</source>
        <translation>Elegir el archivo CSV</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <source>Column for {name}</source>
        <translation>Columna para {name}</translation>
    </message>
    <message>
        <source>Preview of the rows to import</source>
        <translation>Vista previa de las filas a importar</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Choose a CSV file whose first line names the columns.</source>
        <translation>Elija un archivo CSV cuya primera línea nombre las columnas.</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Import every row</source>
        <translation>Importar todas las filas</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”.</source>
        <translation>{name} no es texto UTF-8. Guárdelo desde la hoja de cálculo como “CSV UTF-8”.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {exc}.</source>
        <translation>No se puede leer {name}: {exc}.</translation>
    </message>
    <message>
        <source>{name} cannot be read ({strerror}).</source>
        <translation>No se puede leer {name} ({strerror}).</translation>
    </message>
    <message>
        <source>Choose roster file</source>
        <translation>Elegir el archivo de la lista</translation>
    </message>
    <message>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing will be imported until every row is right.&lt;/b&gt; 1 problem, on line {lines}.{extra} Fix the file (or the column choices) and choose it again.</source>
        <translation>&lt;b&gt;No se importará nada hasta que todas las filas estén bien.&lt;/b&gt; 1 problema, en la línea {lines}.{extra} Corrija el archivo (o la elección de columnas) y vuelva a elegirlo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing will be imported until every row is right.&lt;/b&gt; {count} problems, on lines {lines}.{extra} Fix the file (or the column choices) and choose it again.</source>
        <translation>&lt;b&gt;No se importará nada hasta que todas las filas estén bien.&lt;/b&gt; {count} problemas, en las líneas {lines}.{extra} Corrija el archivo (o la elección de columnas) y vuelva a elegirlo.</translation>
    </message>
    <message>
        <source>{count} participants are ready to import.</source>
        <translation>Hay {count} participantes listos para importar.</translation>
    </message>
    <message>
        <source>Roster not imported</source>
        <translation>Lista no importada</translation>
    </message>
</context>
<context>
    <name>RunAttendanceDialog</name>
    <message>
        <source>Attendance from the run</source>
        <translation>Asistencia según la sesión conducida</translation>
    </message>
    <message>
        <source>Reading the run and the attendance sheet…</source>
        <translation>Leyendo la sesión conducida y la hoja de asistencia…</translation>
    </message>
    <message>
        <source>Problem with the times</source>
        <translation>Problema con las horas</translation>
    </message>
    <message>
        <source>&amp;Save attendance</source>
        <translation>&amp;Guardar asistencia</translation>
    </message>
    <message>
        <source>Save these times as the meeting&apos;s attendance</source>
        <translation>Guardar estas horas como la asistencia de la reunión</translation>
    </message>
    <message>
        <source>&amp;Keep attendance as it is</source>
        <translation>&amp;Dejar la asistencia como está</translation>
    </message>
    <message>
        <source>Close without changing the saved attendance</source>
        <translation>Cerrar sin cambiar la asistencia guardada</translation>
    </message>
    <message>
        <source>{reason}; the saved attendance stays as it is.</source>
        <translation>{reason}; la asistencia guardada queda como está.</translation>
    </message>
    <message>
        <source>The session ran {ran}, well outside the meeting&apos;s time ({planned}), so its times say nothing about who was there; the saved attendance stays as it is.</source>
        <translation>La sesión duró {ran}, muy fuera del horario de la reunión ({planned}), así que sus horas no dicen quién estuvo; la asistencia guardada queda como está.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>The session ran {ran} ({group_name}, planned {planned}). Nobody is marked present, so there is nothing to propose; take attendance on Today.</source>
        <translation>La sesión duró {ran} ({group_name}, planificada {planned}). Nadie está marcado como presente, así que no hay nada que proponer; tome la asistencia en Hoy.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{group_name}, {day}&lt;/b&gt;: the session ran &lt;b&gt;{ran}&lt;/b&gt; (planned {planned}). These arrival and departure times are proposed for the people marked present; later arrivals and earlier departures already saved are kept. Type over any time, then save. Nothing is saved until you do.</source>
        <translation>&lt;b&gt;{group_name}, {day}&lt;/b&gt;: la sesión duró &lt;b&gt;{ran}&lt;/b&gt; (planificada {planned}). Se proponen estas horas de llegada y salida para las personas marcadas como presentes; se conservan las llegadas más tardías y las salidas más tempranas ya guardadas. Escriba encima de cualquier hora y luego guarde. No se guarda nada hasta que lo haga.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Saved now</source>
        <translation>Guardado ahora</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>from the start to the end</source>
        <translation>del inicio al final</translation>
    </message>
    <message>
        <source>{name}: arrived at</source>
        <translation>{name}: hora de llegada</translation>
    </message>
    <message>
        <source>{name}: left at</source>
        <translation>{name}: hora de salida</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Kept from the saved attendance</source>
        <translation>Conservado de la asistencia guardada</translation>
    </message>
    <message>
        <source>{name} minutes</source>
        <translation>Minutos de {name}</translation>
    </message>
    <message>
        <source>{name}: {problem}.</source>
        <translation>{name}: {problem}.</translation>
    </message>
    <message>
        <source>{name}: the departure is before the arrival.</source>
        <translation>{name}: la salida es anterior a la llegada.</translation>
    </message>
    <message>
        <source>Attendance not saved</source>
        <translation>Asistencia no guardada</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <source>The run record could not be saved just now; the timer goes on and the record will catch up.</source>
        <translation>El registro de la sesión no se pudo guardar ahora; el temporizador sigue y el registro se pondrá al día.</translation>
    </message>
    <message>
        <source>Not recorded: {reason}.</source>
        <translation>No registrado: {reason}.</translation>
    </message>
</context>
<context>
    <name>RunLockCover</name>
    <message>
        <source>Locked runner</source>
        <translation>Conductor de sesión bloqueado</translation>
    </message>
    <message>
        <source>Current item</source>
        <translation>Punto actual</translation>
    </message>
    <message>
        <source>Item countdown</source>
        <translation>Cuenta regresiva del punto</translation>
    </message>
    <message>
        <source>Timer state</source>
        <translation>Estado del temporizador</translation>
    </message>
    <message>
        <source>Space, N, P, R and the minute keys still work. Press Enter to type your password; Esc comes back.</source>
        <translation>Espacio, N, P, R y las teclas de minutos siguen funcionando. Pulse Intro para escribir su contraseña; Esc regresa.</translation>
    </message>
    <message>
        <source>Keys while locked</source>
        <translation>Teclas con el bloqueo</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sesión terminada</translation>
    </message>
</context>
<context>
    <name>RunnerLauncher</name>
    <message>
        <source>Run this session again?</source>
        <translation>¿Conducir esta sesión otra vez?</translation>
    </message>
    <message>
        <source>&amp;Run it as run {number}</source>
        <translation>C&amp;onducirla como la vez {number}</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>That session could not be read from the database.</source>
        <translation>No se pudo leer esa sesión de la base de datos.</translation>
    </message>
    <message>
        <source>This session&apos;s curriculum is no longer loaded (its file was moved or changed), so scripts and role-play details are not shown; the timers and the record carry on.</source>
        <translation>El currículo de esta sesión ya no está cargado (su archivo se movió o cambió), así que no se muestran los guiones ni los detalles de los juegos de roles; los temporizadores y el registro continúan.</translation>
    </message>
    <message>
        <source>A session is running</source>
        <translation>Hay una sesión en curso</translation>
    </message>
    <message>
        <source>“{title}” is running in the runner. End it before starting another.</source>
        <translation>“{title}” está en curso en el conductor de sesión. Termínela antes de empezar otra.</translation>
    </message>
    <message>
        <source>Timer settings</source>
        <translation>Ajustes del temporizador</translation>
    </message>
    <message>
        <source>{reason}; the new timer settings apply to this run only.</source>
        <translation>{reason}; los nuevos ajustes del temporizador se aplican solo a esta sesión.</translation>
    </message>
    <message>
        <source>The timer settings could not be saved; they apply to this run only.</source>
        <translation>No se pudieron guardar los ajustes del temporizador; se aplican solo a esta sesión.</translation>
    </message>
    <message>
        <source>Resume the session?</source>
        <translation>¿Reanudar la sesión?</translation>
    </message>
    <message>
        <source>{curriculum_title} › {session_title}, started {started}, was not ended{where}.

Resume it: the time since then counts, as if the timer had kept running.
Or end it: it is recorded as ending at its last recorded action.</source>
        <translation>{curriculum_title} › {session_title}, iniciada {started}, no se terminó{where}.

Reanúdela: el tiempo transcurrido cuenta, como si el temporizador hubiera seguido.
O termínela: queda registrada como terminada en su última acción registrada.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;End it</source>
        <translation>&amp;Terminarla</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>&amp;Ahora no</translation>
    </message>
    <message>
        <source>R&amp;un this session…</source>
        <translation>&amp;Conducir esta sesión…</translation>
    </message>
    <message>
        <source>Run this session</source>
        <translation>Conducir esta sesión</translation>
    </message>
    <message>
        <source>Open the session runner on the session shown (Ctrl+R)</source>
        <translation>Abrir el conductor de sesión con la sesión mostrada (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>RunnerWindow</name>
    <message>
        <source>Run {run_number}</source>
        <translation>Vez {run_number}</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>{number}: {title} — Facilitator</source>
        <translation>{number}: {title} — Facilitator</translation>
    </message>
    <message>
        <source>Session runner</source>
        <translation>Conductor de sesión</translation>
    </message>
    <message>
        <source>Curriculum and session</source>
        <translation>Currículo y sesión</translation>
    </message>
    <message>
        <source>Session elapsed and remaining</source>
        <translation>Tiempo transcurrido y restante de la sesión</translation>
    </message>
    <message>
        <source>Ahead or behind schedule</source>
        <translation>Adelanto o atraso respecto al plan</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>First names or initials, separated by commas</source>
        <translation>Nombres de pila o iniciales, separados por comas</translation>
    </message>
    <message>
        <source>Players for role plays</source>
        <translation>Participantes de los juegos de roles</translation>
    </message>
    <message>
        <source>Click here or press Alt+P to type; Enter keeps the names, Esc goes back</source>
        <translation>Haga clic aquí o pulse Alt+P para escribir; Intro conserva los nombres, Esc regresa</translation>
    </message>
    <message>
        <source>&amp;Players:</source>
        <translation>&amp;Participantes:</translation>
    </message>
    <message>
        <source>Show first &amp;names on the room display</source>
        <translation>Mostrar los &amp;nombres en la pantalla de la sala</translation>
    </message>
    <message>
        <source>Show first names on the room display</source>
        <translation>Mostrar los nombres de pila en la pantalla de la sala</translation>
    </message>
    <message>
        <source>Play in s&amp;mall groups</source>
        <translation>Jugar en grupos pe&amp;queños</translation>
    </message>
    <message>
        <source>Play role plays in small groups at once</source>
        <translation>Hacer los juegos de roles en grupos pequeños a la vez</translation>
    </message>
    <message>
        <source>Players&apos; numbers on the room display</source>
        <translation>Números de los participantes en la pantalla de la sala</translation>
    </message>
    <message>
        <source>Current item</source>
        <translation>Punto actual</translation>
    </message>
    <message>
        <source>Current item kind and plan</source>
        <translation>Tipo y plan del punto actual</translation>
    </message>
    <message>
        <source>Item countdown</source>
        <translation>Cuenta regresiva del punto</translation>
    </message>
    <message>
        <source>Timer state</source>
        <translation>Estado del temporizador</translation>
    </message>
    <message>
        <source>Item elapsed</source>
        <translation>Tiempo transcurrido del punto</translation>
    </message>
    <message>
        <source>Write notes</source>
        <translation>Escribir notas</translation>
    </message>
    <message>
        <source>Script and prompts</source>
        <translation>Guion y preguntas</translation>
    </message>
    <message>
        <source>&amp;Script and prompts:</source>
        <translation>&amp;Guion y preguntas:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificado</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>Real</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <source>✎ &amp;Write notes  [W]</source>
        <translation>✎ &amp;Escribir notas  [W]</translation>
    </message>
    <message>
        <source>Screen for the room display</source>
        <translation>Pantalla para la sala</translation>
    </message>
    <message>
        <source>on s&amp;creen:</source>
        <translation>en la panta&amp;lla:</translation>
    </message>
    <message>
        <source>Role play</source>
        <translation>Juego de roles</translation>
    </message>
    <message>
        <source>Role-play details</source>
        <translation>Detalles del juego de roles</translation>
    </message>
    <message>
        <source>Role-play scenario</source>
        <translation>Situación del juego de roles</translation>
    </message>
    <message>
        <source>Role-play round and phase</source>
        <translation>Ronda y fase del juego de roles</translation>
    </message>
    <message>
        <source>Phase countdown</source>
        <translation>Cuenta regresiva de la fase</translation>
    </message>
    <message>
        <source>Who plays which role</source>
        <translation>Quién hace cada rol</translation>
    </message>
    <message>
        <source>Role-play notes</source>
        <translation>Notas del juego de roles</translation>
    </message>
    <message>
        <source>Observer&apos;s checklist</source>
        <translation>Lista del observador</translation>
    </message>
    <message>
        <source>Debrief questions</source>
        <translation>Preguntas de la reflexión final</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Start, pause or resume the timer</source>
        <translation>Iniciar, pausar o reanudar el temporizador</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Anterior</translation>
    </message>
    <message>
        <source>Go back to the previous item</source>
        <translation>Volver al punto anterior</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Siguiente ▶</translation>
    </message>
    <message>
        <source>Finish this item and go to the next</source>
        <translation>Terminar este punto y pasar al siguiente</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>Leave out this item and go to the next</source>
        <translation>Omitir este punto y pasar al siguiente</translation>
    </message>
    <message>
        <source>Take away one minute</source>
        <translation>Quitar un minuto</translation>
    </message>
    <message>
        <source>Add one minute</source>
        <translation>Agregar un minuto</translation>
    </message>
    <message>
        <source>Add five minutes</source>
        <translation>Agregar cinco minutos</translation>
    </message>
    <message>
        <source>Next phase</source>
        <translation>Fase siguiente</translation>
    </message>
    <message>
        <source>Move the role play to its next phase</source>
        <translation>Pasar el juego de roles a su fase siguiente</translation>
    </message>
    <message>
        <source>Finish on time…</source>
        <translation>Terminar a tiempo…</translation>
    </message>
    <message>
        <source>Propose shorter items to finish on time</source>
        <translation>Proponer puntos más cortos para terminar a tiempo</translation>
    </message>
    <message>
        <source>End session…</source>
        <translation>Terminar sesión…</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Terminar la sesión</translation>
    </message>
    <message>
        <source>Room display</source>
        <translation>Pantalla de la sala</translation>
    </message>
    <message>
        <source>Show or hide the room display</source>
        <translation>Mostrar u ocultar la pantalla de la sala</translation>
    </message>
    <message>
        <source>Hide my window</source>
        <translation>Ocultar mi ventana</translation>
    </message>
    <message>
        <source>Hide this window; the room display stays</source>
        <translation>Ocultar esta ventana; la pantalla de la sala se queda</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Campana</translation>
    </message>
    <message>
        <source>Chime at wrap-up, at zero and between phases</source>
        <translation>Sonar la campana al cierre, al llegar a cero y entre fases</translation>
    </message>
    <message>
        <source>Timer settings…</source>
        <translation>Ajustes del temporizador…</translation>
    </message>
    <message>
        <source>Wrap-up and finish-on-time settings</source>
        <translation>Ajustes del cierre y de terminar a tiempo</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Move the selected item up</source>
        <translation>Subir el punto seleccionado</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <source>Move the selected item down</source>
        <translation>Bajar el punto seleccionado</translation>
    </message>
    <message>
        <source>Minutes…</source>
        <translation>Minutos…</translation>
    </message>
    <message>
        <source>Change the selected item&apos;s minutes</source>
        <translation>Cambiar los minutos del punto seleccionado</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Omitir</translation>
    </message>
    <message>
        <source>Leave out the selected item, or put it back</source>
        <translation>Omitir el punto seleccionado, o volver a incluirlo</translation>
    </message>
    <message>
        <source>Write the notes of the meeting that ran</source>
        <translation>Escribir las notas de la reunión conducida</translation>
    </message>
    <message>
        <source>Back to the session</source>
        <translation>Volver a la sesión</translation>
    </message>
    <message>
        <source>Leave a field; keys control the session</source>
        <translation>Salir de un campo; las teclas controlan la sesión</translation>
    </message>
    <message>
        <source>Screen {number}</source>
        <translation>Pantalla {number}</translation>
    </message>
    <message>
        <source>Elapsed {elapsed} of {planned}</source>
        <translation>Transcurrido {elapsed} de {planned}</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>{state} — counting up</source>
        <translation>{state} — contando hacia arriba</translation>
    </message>
    <message>
        <source>Session ended after {session_elapsed}{span}</source>
        <translation>Sesión terminada tras {session_elapsed}{span}</translation>
    </message>
    <message>
        <source>{clock} left</source>
        <translation>quedan {clock}</translation>
    </message>
    <message>
        <source>{clock} over</source>
        <translation>{clock} de más</translation>
    </message>
    <message>
        <source>Session {elapsed} of {slot} · {left}</source>
        <translation>Sesión {elapsed} de {slot} · {left}</translation>
    </message>
    <message>
        <source>Planned to fit</source>
        <translation>Planificado para caber</translation>
    </message>
    <message>
        <source>{minutes} min (was {original})</source>
        <translation>{minutes} min (antes {original})</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>No alcanzado</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Now (paused)</source>
        <translation>Ahora (en pausa)</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltado</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <source>{label} · first item · press Space to start</source>
        <translation>{label} · primer punto · pulse Espacio para empezar</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Sin empezar</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>Sesión terminada</translation>
    </message>
    <message>
        <source>The session lasted {duration}{span}, in a {slot}-minute slot. The record keeps every item&apos;s actual time.</source>
        <translation>La sesión duró {duration}{span}, en un espacio de {slot} minutos. El registro conserva el tiempo real de cada punto.</translation>
    </message>
    <message>
        <source>{kind} · item {number} of {count} · planned {planned} min</source>
        <translation>{kind} · punto {number} de {count} · planificado {planned} min</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:@muted&apos;&gt;&lt;b&gt;Next round:&lt;/b&gt;&lt;br/&gt;{seats}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:@muted&apos;&gt;&lt;b&gt;Próxima ronda:&lt;/b&gt;&lt;br/&gt;{seats}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{behind}, but every item still to come is already at its minimum, a break or the check-out.</source>
        <translation>{behind}, pero todos los puntos que faltan ya están en su mínimo, son un descanso o el cierre.</translation>
    </message>
    <message>
        <source>Session length (hours:minutes:seconds)</source>
        <translation>Duración de la sesión (horas:minutos:segundos)</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:@muted&apos;&gt;Numbers on the room display:&lt;/span&gt; {numbered}</source>
        <translation>&lt;span style=&apos;color:@muted&apos;&gt;Números en la pantalla de la sala:&lt;/span&gt; {numbered}</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The curriculum file has changed since this run began; its script is not shown.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;El archivo del currículo cambió desde que empezó esta sesión; su guion no se muestra.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Script &lt;small&gt;(your screen only)&lt;/small&gt;&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Guion &lt;small&gt;(solo en su pantalla)&lt;/small&gt;&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Prompts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Preguntas&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;On the room display&lt;/h3&gt;&lt;p&gt;{text}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;En la pantalla de la sala&lt;/h3&gt;&lt;p&gt;{text}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No script for this item.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Este punto no tiene guion.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Debrief — after the last round</source>
        <translation>Reflexión final — después de la última ronda</translation>
    </message>
    <message>
        <source>Round {round} of {rounds} · {phase_name}</source>
        <translation>Ronda {round} de {rounds} · {phase_name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Scenario:&lt;/b&gt; {scenario}</source>
        <translation>&lt;b&gt;Situación:&lt;/b&gt; {scenario}</translation>
    </message>
    <message>
        <source>&lt;i&gt;no player&lt;/i&gt;</source>
        <translation>&lt;i&gt;sin participante&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Watching:&lt;/i&gt; {players}</source>
        <translation>&lt;i&gt;Observan:&lt;/i&gt; {players}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Type the players&apos; first names or initials above (Alt+P) to share out the roles.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Escriba arriba los nombres de pila o las iniciales de los participantes (Alt+P) para repartir los roles.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>This round</source>
        <translation>Esta ronda</translation>
    </message>
    <message>
        <source>Last round</source>
        <translation>Última ronda</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{heading}:&lt;/b&gt;&lt;br/&gt;{seats}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{heading}:&lt;/b&gt;&lt;br/&gt;{seats}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; watches for: {checklist}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; observa: {checklist}</translation>
    </message>
    <message>
        <source>Debrief now</source>
        <translation>Reflexión final ahora</translation>
    </message>
    <message>
        <source>Debrief after the last round</source>
        <translation>Reflexión final después de la última ronda</translation>
    </message>
    <message>
        <source>&lt;div style=&apos;{style}&apos;&gt;&lt;b&gt;{title}:&lt;/b&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;/div&gt;</source>
        <translation>&lt;div style=&apos;{style}&apos;&gt;&lt;b&gt;{title}:&lt;/b&gt;&lt;ol&gt;{items}&lt;/ol&gt;&lt;/div&gt;</translation>
    </message>
    <message>
        <source>The session is not running.</source>
        <translation>La sesión no está en curso.</translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation>¿Terminar la sesión?</translation>
    </message>
    <message>
        <source>End the session now? The record keeps every item&apos;s actual time.</source>
        <translation>¿Terminar la sesión ahora? El registro conserva el tiempo real de cada punto.</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>&amp;Terminar sesión</translation>
    </message>
    <message>
        <source>&amp;Keep going</source>
        <translation>&amp;Seguir</translation>
    </message>
    <message>
        <source>Notes are written once the session has ended.</source>
        <translation>Las notas se escriben una vez terminada la sesión.</translation>
    </message>
    <message>
        <source>This run was started from the Library, not for a meeting: it has no notes.</source>
        <translation>Esta sesión se inició desde la Biblioteca, no para una reunión: no tiene notas.</translation>
    </message>
    <message>
        <source>Choose an item in the agenda first.</source>
        <translation>Elija primero un punto de la agenda.</translation>
    </message>
    <message>
        <source>“{title}” is over; its time can no longer change.</source>
        <translation>“{title}” ya terminó; su tiempo ya no puede cambiar.</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Minutes for “{title}”:</source>
        <translation>Minutos para “{title}”:</translation>
    </message>
    <message>
        <source>The session is on schedule: nothing needs shortening.</source>
        <translation>La sesión va según lo previsto: no hace falta acortar nada.</translation>
    </message>
    <message>
        <source>Only one screen: the room display covers this window. Press D to hide it.</source>
        <translation>Solo hay una pantalla: la pantalla de la sala cubre esta ventana. Pulse D para ocultarla.</translation>
    </message>
    <message>
        <source>▶ Start</source>
        <translation>▶ Iniciar</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ Pausar</translation>
    </message>
    <message>
        <source>▶ Resume</source>
        <translation>▶ Reanudar</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>Volver a incluir</translation>
    </message>
    <message>
        <source>Close the runner?</source>
        <translation>¿Cerrar el conductor de sesión?</translation>
    </message>
    <message>
        <source>The session is still running. End it now, or close this window and keep it open in the record (Facilitator offers to resume it next time)?</source>
        <translation>La sesión sigue en curso. ¿Terminarla ahora, o cerrar esta ventana y dejarla abierta en el registro (Facilitator ofrecerá reanudarla la próxima vez)?</translation>
    </message>
    <message>
        <source>Close, &amp;resume later</source>
        <translation>Cerrar y &amp;reanudar después</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
</context>
<context>
    <name>SafetyFlagDialog</name>
    <message>
        <source>Safety flag: {name}</source>
        <translation>Alerta de seguridad: {name}</translation>
    </message>
    <message>
        <source>Safety flag</source>
        <translation>Alerta de seguridad</translation>
    </message>
    <message>
        <source>&lt;h3&gt;⚠ Safety flag: {name}&lt;/h3&gt;&lt;p&gt;PHQ-9 item 9 (thoughts of being better off dead or of hurting oneself) was answered above “Not at all” on {day}.&lt;/p&gt;&lt;p&gt;Follow the clinic&apos;s safety protocol now: ask directly about suicidal thoughts, plans and means; do not leave the person alone if the risk is imminent; consult your supervisor; review the safety plan. Crisis line: call or text 988.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;⚠ Alerta de seguridad: {name}&lt;/h3&gt;&lt;p&gt;La pregunta 9 del PHQ-9 (pensamientos de que estaría mejor muerto o de hacerse daño) se respondió por encima de «Ningún día» el {day}.&lt;/p&gt;&lt;p&gt;Siga ahora el protocolo de seguridad de la clínica: pregunte directamente por pensamientos, planes y medios suicidas; no deje sola a la persona si el riesgo es inminente; consulte a su supervisor; revise el plan de seguridad. Línea de crisis: llame o envíe un mensaje de texto al 988.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What you did (optional): e.g. assessed with the person, supervisor told</source>
        <translation>Lo que hizo (opcional): p. ej., evaluó a la persona, avisó al supervisor</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se hizo</translation>
    </message>
    <message>
        <source>&amp;Acknowledge: I have seen this and am acting on it</source>
        <translation>&amp;Confirmar: lo vi y estoy actuando</translation>
    </message>
    <message>
        <source>Acknowledge the safety flag</source>
        <translation>Confirmar la alerta de seguridad</translation>
    </message>
    <message>
        <source>Not &amp;now (the flag stays open)</source>
        <translation>&amp;Ahora no (la alerta sigue abierta)</translation>
    </message>
    <message>
        <source>Leave the flag open for now</source>
        <translation>Dejar la alerta abierta por ahora</translation>
    </message>
    <message>
        <source>Flag not acknowledged</source>
        <translation>Alerta no confirmada</translation>
    </message>
</context>
<context>
    <name>SafetyProtocolDialog</name>
    <message>
        <source>{title} — your screen only</source>
        <translation>{title} — solo en su pantalla</translation>
    </message>
    <message>
        <source>Safety protocol</source>
        <translation>Protocolo de seguridad</translation>
    </message>
    <message>
        <source>About this protocol</source>
        <translation>Acerca de este protocolo</translation>
    </message>
    <message>
        <source>Situations</source>
        <translation>Situaciones</translation>
    </message>
    <message>
        <source>Up and Down, or the letter in brackets, choose a situation</source>
        <translation>Arriba y Abajo, o la letra entre corchetes, eligen una situación</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Qué hacer</translation>
    </message>
    <message>
        <source>&amp;Close (Esc)</source>
        <translation>&amp;Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Close the safety protocol</source>
        <translation>Cerrar el protocolo de seguridad</translation>
    </message>
    <message>
        <source>Letters jump to a situation · Tab to the text · Ctrl+ and Ctrl− change the size</source>
        <translation>Las letras saltan a una situación · Tab va al texto · Ctrl+ y Ctrl− cambian el tamaño</translation>
    </message>
    <message>
        <source>Keyboard help</source>
        <translation>Ayuda del teclado</translation>
    </message>
</context>
<context>
    <name>ScreenDialog</name>
    <message>
        <source>Drug screen: {name}</source>
        <translation>Prueba de drogas: {name}</translation>
    </message>
    <message>
        <source>Enter a drug screen</source>
        <translation>Ingresar una prueba de drogas</translation>
    </message>
    <message>
        <source>Collection date</source>
        <translation>Fecha de la toma</translation>
    </message>
    <message>
        <source>urine</source>
        <translation>orina</translation>
    </message>
    <message>
        <source>oral fluid</source>
        <translation>saliva</translation>
    </message>
    <message>
        <source>Specimen</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <source>&amp;Observed collection</source>
        <translation>Toma &amp;observada</translation>
    </message>
    <message>
        <source>Observed collection</source>
        <translation>Toma observada</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Collected on:</source>
        <translation>Tomada el:</translation>
    </message>
    <message>
        <source>Specimen:</source>
        <translation>Muestra:</translation>
    </message>
    <message>
        <source>&amp;Panel:</source>
        <translation>&amp;Panel:</translation>
    </message>
    <message>
        <source>Results (a substance not on the panel stays “not tested”)</source>
        <translation>Resultados (una sustancia que no está en el panel queda como «no analizada»)</translation>
    </message>
    <message>
        <source>Result for {substance}</source>
        <translation>Resultado de {substance}</translation>
    </message>
    <message>
        <source>Expected to test positive for (prescribed)</source>
        <translation>Se espera que dé positivo para (recetado)</translation>
    </message>
    <message>
        <source>Expected medication: {med}</source>
        <translation>Medicamento esperado: {med}</translation>
    </message>
    <message>
        <source>Screen not saved</source>
        <translation>Prueba no guardada</translation>
    </message>
</context>
<context>
    <name>ServicesExportDialog</name>
    <message>
        <source>Export services to bill</source>
        <translation>Exportar servicios para facturar</translation>
    </message>
    <message>
        <source>One row per billable service, from attendance and signed notes only. What was attended but cannot be billed yet goes to a second file with the reason.</source>
        <translation>Una fila por servicio facturable, solo a partir de la asistencia y las notas firmadas. Lo que se asistió pero todavía no se puede facturar va a un segundo archivo, con el motivo.</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Primer día</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Archivo CSV</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Choose the CSV file</source>
        <translation>Elegir el archivo CSV</translation>
    </message>
    <message>
        <source>Also write a &amp;PDF summary beside it</source>
        <translation>Escribir también un resumen en &amp;PDF junto a él</translation>
    </message>
    <message>
        <source>Also write a PDF summary</source>
        <translation>Escribir también un resumen en PDF</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Hasta:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>&amp;Archivo:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Save the services to bill</source>
        <translation>Guardar los servicios para facturar</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>primer día</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>último día</translation>
    </message>
    <message>
        <source>Choose a file to write the services to.</source>
        <translation>Elija un archivo donde escribir los servicios.</translation>
    </message>
    <message>
        <source>{services} services and {short} falling short, written to {files}.</source>
        <translation>{services} servicios y {short} que no alcanzan, escritos en {files}.</translation>
    </message>
    <message>
        <source>Only the groups you lead are in it.</source>
        <translation>Solo incluye los grupos que usted dirige.</translation>
    </message>
    <message>
        <source>The files could not be written: {why}</source>
        <translation>No se pudieron escribir los archivos: {why}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Exporting services…</source>
        <translation>Exportando servicios…</translation>
    </message>
</context>
<context>
    <name>SessionEndedPanel</name>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>Vuelva a iniciar sesión</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Sign in and go on</source>
        <translation>&amp;Iniciar sesión y continuar</translation>
    </message>
    <message>
        <source>Sign in and go on</source>
        <translation>Iniciar sesión y continuar</translation>
    </message>
    <message>
        <source>Sign &amp;out (unsaved work is lost)</source>
        <translation>&amp;Cerrar sesión (se pierde lo no guardado)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
</context>
<context>
    <name>SessionGate</name>
    <message>
        <source>Signed-in user</source>
        <translation>Usuario con sesión iniciada</translation>
    </message>
    <message>
        <source>Create the administrator account to begin</source>
        <translation>Cree la cuenta de administrador para empezar</translation>
    </message>
    <message>
        <source>Please sign in</source>
        <translation>Inicie sesión</translation>
    </message>
    <message>
        <source>Please type your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <source>The database did not answer; please try again in a moment.</source>
        <translation>La base de datos no respondió; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>Verificando la contraseña…</translation>
    </message>
    <message>
        <source>Signed in: {signature} ({role})</source>
        <translation>Sesión iniciada: {signature} ({role})</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>The database did not answer; your password is unchanged.</source>
        <translation>La base de datos no respondió; su contraseña no cambió.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Bloqueado</translation>
    </message>
    <message>
        <source>Too many wrong passwords: you were signed out.</source>
        <translation>Demasiadas contraseñas incorrectas: se cerró su sesión.</translation>
    </message>
    <message>
        <source>That password is not right.</source>
        <translation>Esa contraseña no es correcta.</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Signed in again; nothing you typed was lost</source>
        <translation>Sesión iniciada de nuevo; no se perdió nada de lo que escribió</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Cuentas</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>The database was restored. Facilitator closes now; open it again to sign in.</source>
        <translation>La base de datos se restauró. Facilitator se cierra ahora; ábralo de nuevo para iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>SessionPane</name>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>{section} (shared by every workstation)</source>
        <translation>{section} (compartido por todas las estaciones de trabajo)</translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation>{label}:</translation>
    </message>
    <message>
        <source>{section} (only an administrator can change these)</source>
        <translation>{section} (solo un administrador puede cambiar esto)</translation>
    </message>
    <message>
        <source>Clinic curricula folder</source>
        <translation>Carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <source>Browse for the clinic curricula folder</source>
        <translation>Buscar la carpeta de currículos de la clínica</translation>
    </message>
    <message>
        <source>This workstation</source>
        <translation>Esta estación de trabajo</translation>
    </message>
    <message>
        <source>Clinic &amp;curricula folder:</source>
        <translation>Carpeta de &amp;currículos de la clínica:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The new language shows from Facilitator&apos;s next start.</source>
        <translation>El nuevo idioma se verá desde el próximo inicio de Facilitator.</translation>
    </message>
    <message>
        <source>About changing the language</source>
        <translation>Sobre el cambio de idioma</translation>
    </message>
    <message>
        <source>&amp;High contrast (white on black)</source>
        <translation>&amp;Alto contraste (blanco sobre negro)</translation>
    </message>
    <message>
        <source>High contrast display</source>
        <translation>Pantalla de alto contraste</translation>
    </message>
    <message>
        <source>Light text on black in every window of this computer, the runner and the room display included.</source>
        <translation>Texto claro sobre negro en todas las ventanas de esta computadora, incluidos el temporizador y la pantalla de la sala.</translation>
    </message>
    <message>
        <source>Lar&amp;ge text</source>
        <translation>Texto &amp;grande</translation>
    </message>
    <message>
        <source>Large text</source>
        <translation>Texto grande</translation>
    </message>
    <message>
        <source>Bigger text in every window of this computer; the room display&apos;s text grows too.</source>
        <translation>Texto más grande en todas las ventanas de esta computadora; el texto de la pantalla de la sala también crece.</translation>
    </message>
    <message>
        <source>Display:</source>
        <translation>Pantalla:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Base de datos:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>Archivo de registro:</translation>
    </message>
    <message>
        <source>The language could not be saved ({exc}). Nothing you typed was lost.</source>
        <translation>No se pudo guardar el idioma ({exc}). No se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>The display modes could not be saved ({exc}). Nothing you typed was lost.</source>
        <translation>No se pudieron guardar los modos de pantalla ({exc}). No se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>The adolescent weekly target looks far too high next to the adult one. Please check both.</source>
        <translation>La meta semanal para adolescentes parece demasiado alta comparada con la de adultos. Revise ambas.</translation>
    </message>
    <message>
        <source>Please choose a folder for the clinic&apos;s curricula.</source>
        <translation>Elija una carpeta para los currículos de la clínica.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder. Please choose a folder.</source>
        <translation>{folder} es un archivo, no una carpeta. Elija una carpeta.</translation>
    </message>
    <message>
        <source>The folder could not be saved ({exc}). Nothing you typed was lost.</source>
        <translation>No se pudo guardar la carpeta ({exc}). No se perdió nada de lo que escribió.</translation>
    </message>
    <message>
        <source>The settings could not be saved because the database did not answer. What you typed is still here; try again in a moment.</source>
        <translation>No se pudo guardar la configuración porque la base de datos no respondió. Lo que escribió sigue aquí; intente de nuevo en un momento.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Contra&amp;seña:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>Records here are protected by HIPAA and 42 CFR Part 2. Sign in with your own account; never share a password.</source>
        <translation>Los expedientes aquí están protegidos por HIPAA y 42 CFR Parte 2. Inicie sesión con su propia cuenta; nunca comparta una contraseña.</translation>
    </message>
    <message>
        <source>Privacy note</source>
        <translation>Aviso de privacidad</translation>
    </message>
</context>
<context>
    <name>TimerSettingsDialog</name>
    <message>
        <source>Timer settings</source>
        <translation>Ajustes del temporizador</translation>
    </message>
    <message>
        <source>Wrap-up share of the item</source>
        <translation>Parte del punto para el cierre</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Wrap-up at most, in minutes</source>
        <translation>Cierre como máximo, en minutos</translation>
    </message>
    <message>
        <source>Finish on time never shortens an item below, in minutes</source>
        <translation>Terminar a tiempo nunca acorta un punto por debajo de, en minutos</translation>
    </message>
    <message>
        <source>&amp;Chime at wrap-up, at zero and between role-play phases</source>
        <translation>&amp;Campana al cierre, al llegar a cero y entre fases del juego de roles</translation>
    </message>
    <message>
        <source>Chime</source>
        <translation>Campana</translation>
    </message>
    <message>
        <source>Wrap-up (amber) starts in the last part of an item, whichever is shorter:</source>
        <translation>El cierre (ámbar) empieza en la última parte de un punto, lo que sea más corto:</translation>
    </message>
    <message>
        <source>Last &amp;share of the item:</source>
        <translation>Última &amp;parte del punto:</translation>
    </message>
    <message>
        <source>Or the last &amp;minutes:</source>
        <translation>O los últimos &amp;minutos:</translation>
    </message>
    <message>
        <source>Finish on time keeps items at least:</source>
        <translation>Terminar a tiempo deja los puntos en al menos:</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Asistencia</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Attendance started</source>
        <translation>Asistencia iniciada</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Próxima</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <source>Attendance taken</source>
        <translation>Asistencia tomada</translation>
    </message>
    <message>
        <source>Attendance partly taken</source>
        <translation>Asistencia parcial</translation>
    </message>
    <message>
        <source>Needs attendance</source>
        <translation>Falta asistencia</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Día mostrado</translation>
    </message>
    <message>
        <source>◀ Pre&amp;vious day</source>
        <translation>◀ An&amp;terior</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Día anterior</translation>
    </message>
    <message>
        <source>Previous day (Alt+Left)</source>
        <translation>Día anterior (Alt+Izquierda)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Ne&amp;xt day ▶</source>
        <translation>Sig&amp;uiente ▶</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Día siguiente</translation>
    </message>
    <message>
        <source>Next day (Alt+Right)</source>
        <translation>Día siguiente (Alt+Derecha)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Hoy</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Ir a hoy</translation>
    </message>
    <message>
        <source>Today (Ctrl+T)</source>
        <translation>Hoy (Ctrl+T)</translation>
    </message>
    <message>
        <source>Meetings on this day</source>
        <translation>Reuniones de este día</translation>
    </message>
    <message>
        <source>No meetings</source>
        <translation>Sin reuniones</translation>
    </message>
    <message>
        <source>Save the sign-in sheet as PDF</source>
        <translation>Guardar la hoja de firmas en PDF</translation>
    </message>
    <message>
        <source>Sign-in sheet (&amp;CSV)…</source>
        <translation>Hoja de firmas (&amp;CSV)…</translation>
    </message>
    <message>
        <source>Save the sign-in sheet as CSV</source>
        <translation>Guardar la hoja de firmas en CSV</translation>
    </message>
    <message>
        <source>R&amp;un session…</source>
        <translation>Conducir &amp;sesión…</translation>
    </message>
    <message>
        <source>Run this meeting&apos;s session with its timers and role plays</source>
        <translation>Conducir la sesión de esta reunión con sus temporizadores y juegos de roles</translation>
    </message>
    <message>
        <source>Open the session runner for this meeting; role-play players come from its attendance</source>
        <translation>Abrir el conductor de sesión para esta reunión; los participantes de los juegos de roles salen de su asistencia</translation>
    </message>
    <message>
        <source>Print the session&apos;s handouts for this meeting&apos;s attendees</source>
        <translation>Imprimir los folletos de la sesión para los asistentes de esta reunión</translation>
    </message>
    <message>
        <source>One copy of the session&apos;s handouts for each person expected or present, in their language and print size</source>
        <translation>Una copia de los folletos de la sesión para cada persona esperada o presente, en su idioma y tamaño de letra</translation>
    </message>
    <message>
        <source>Ca&amp;ncel meeting…</source>
        <translation>Cance&amp;lar reunión…</translation>
    </message>
    <message>
        <source>Cancel the meeting, with a reason</source>
        <translation>Cancelar la reunión, con un motivo</translation>
    </message>
    <message>
        <source>Sign-in sheet (P&amp;DF)…</source>
        <translation>Hoja de &amp;firmas (PDF)…</translation>
    </message>
    <message>
        <source>Handout pac&amp;ket…</source>
        <translation>F&amp;olletos…</translation>
    </message>
    <message>
        <source>R&amp;einstate</source>
        <translation>&amp;Reactivar</translation>
    </message>
    <message>
        <source>Reinstate the cancelled meeting</source>
        <translation>Reactivar la reunión cancelada</translation>
    </message>
    <message>
        <source>Measures due at this meeting</source>
        <translation>Mediciones pendientes en esta reunión</translation>
    </message>
    <message>
        <source>Enter opens the person&apos;s progress page, where measures are entered</source>
        <translation>Intro abre la página de progreso de la persona, donde se ingresan las mediciones</translation>
    </message>
    <message>
        <source>&amp;Measures due at this meeting:</source>
        <translation>&amp;Mediciones pendientes en esta reunión:</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Today&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Hoy&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Loading the day&apos;s meetings…</source>
        <translation>Cargando las reuniones del día…</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>The day&apos;s meetings could not be read; the details are in the log.</source>
        <translation>No se pudieron leer las reuniones del día; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Mañana</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>&lt;h2&gt;{when}, {date}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;{when}, {date}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>{group} (ad hoc)</source>
        <translation>{group} (especial)</translation>
    </message>
    <message>
        <source>{marked} of {enrolled} ({attended} in)</source>
        <translation>{marked} de {enrolled} ({attended} presentes)</translation>
    </message>
    <message>
        <source>{marked} of {enrolled}</source>
        <translation>{marked} de {enrolled}</translation>
    </message>
    <message>
        <source>{state}: {reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <source>{group_name}
Facilitators: {facilitators}
Session: {session}</source>
        <translation>{group_name}
Facilitadores: {facilitators}
Sesión: {session}</translation>
    </message>
    <message>
        <source>1 meeting. Arrow keys choose; Enter opens the attendance sheet.</source>
        <translation>1 reunión. Las flechas eligen; Intro abre la hoja de asistencia.</translation>
    </message>
    <message>
        <source>{count} meetings. Arrow keys choose; Enter opens the attendance sheet.</source>
        <translation>{count} reuniones. Las flechas eligen; Intro abre la hoja de asistencia.</translation>
    </message>
    <message>
        <source>No meetings on this day.</source>
        <translation>No hay reuniones este día.</translation>
    </message>
    <message>
        <source>Unsaved attendance</source>
        <translation>Asistencia sin guardar</translation>
    </message>
    <message>
        <source>The attendance marks for this meeting are not saved yet. Save them now?</source>
        <translation>Las marcas de asistencia de esta reunión aún no están guardadas. ¿Guardarlas ahora?</translation>
    </message>
    <message>
        <source>What is due could not be read; the details are in the log.</source>
        <translation>No se pudo leer lo pendiente; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Handout packet</source>
        <translation>Paquete de folletos</translation>
    </message>
    <message>
        <source>The meeting&apos;s attendees could not be read; the details are in the log.</source>
        <translation>No se pudieron leer los asistentes de la reunión; los detalles están en el registro.</translation>
    </message>
    <message>
        <source>Nobody is expected or present at this meeting, so there is no one to print for.</source>
        <translation>Nadie está esperado ni presente en esta reunión, así que no hay para quién imprimir.</translation>
    </message>
    <message>
        <source>Cancel meeting</source>
        <translation>Cancelar reunión</translation>
    </message>
    <message>
        <source>Why is {group_name} on {day} cancelled? (kept in the record)</source>
        <translation>¿Por qué se cancela {group_name} el {day}? (queda en el expediente)</translation>
    </message>
    <message>
        <source>Meeting not cancelled</source>
        <translation>Reunión no cancelada</translation>
    </message>
    <message>
        <source>Meeting not reinstated</source>
        <translation>Reunión no reactivada</translation>
    </message>
    <message>
        <source>Save sign-in sheet</source>
        <translation>Guardar hoja de firmas</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>see the log for details</source>
        <translation>vea el registro para más detalles</translation>
    </message>
    <message>
        <source>Sign-in sheet not saved</source>
        <translation>Hoja de firmas no guardada</translation>
    </message>
    <message>
        <source>The sign-in sheet could not be saved to {path} ({reason}).</source>
        <translation>No se pudo guardar la hoja de firmas en {path} ({reason}).</translation>
    </message>
    <message>
        <source>Sign-in sheet saved to {p}.</source>
        <translation>Hoja de firmas guardada en {p}.</translation>
    </message>
</context>
<context>
    <name>_ErrorLine</name>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Facilitator could not open the clinic&apos;s database. {what_next}</source>
        <translation>Facilitator no pudo abrir la base de datos de la clínica. {what_next}</translation>
    </message>
    <message>
        <source>Clinic database</source>
        <translation>Base de datos de la clínica</translation>
    </message>
</context>
<context>
    <name>attendance_sheet</name>
    <message>
        <source>something unexpected went wrong; the details are in the log.</source>
        <translation>ocurrió algo inesperado; los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>backup_actions</name>
    <message>
        <source>Back up</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>Guardar la copia de seguridad de la base de datos en</translation>
    </message>
    <message>
        <source>Facilitator backups (*.sqlite)</source>
        <translation>Copias de seguridad de Facilitator (*.sqlite)</translation>
    </message>
    <message>
        <source>The backup was written to {path}, but {exc}</source>
        <translation>La copia de seguridad se escribió en {path}, pero {exc}</translation>
    </message>
    <message>
        <source>Backed up to {path} with its digest {name}</source>
        <translation>Copia de seguridad guardada en {path} con su resumen {name}</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Restore the database from</source>
        <translation>Restaurar la base de datos desde</translation>
    </message>
    <message>
        <source>Facilitator backups (*.sqlite);;All files (*)</source>
        <translation>Copias de seguridad de Facilitator (*.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Replace this clinic&apos;s database with the backup {name} ({accounts} accounts)?

A copy of the current database is kept in {backup_dir}. Facilitator closes afterwards; close it on every other workstation too before you go on.</source>
        <translation>¿Reemplazar la base de datos de esta clínica con la copia de seguridad {name} ({accounts} cuentas)?

Se guarda una copia de la base de datos actual en {backup_dir}. Después Facilitator se cierra; ciérrelo también en todas las demás estaciones de trabajo antes de continuar.</translation>
    </message>
    <message>
        <source>Restore another clinic&apos;s backup</source>
        <translation>Restaurar la copia de seguridad de otra clínica</translation>
    </message>
    <message>
        <source>This backup belongs to another clinic, {name}, not to the database it would replace.

Restoring it replaces this clinic&apos;s records with that clinic&apos;s. To go on, type that clinic&apos;s name:</source>
        <translation>Esta copia de seguridad pertenece a otra clínica, {name}, no a la base de datos que reemplazaría.

Al restaurarla, los expedientes de esta clínica se reemplazan con los de esa clínica. Para continuar, escriba el nombre de esa clínica:</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>On time</source>
        <translation>A tiempo</translation>
    </message>
    <message>
        <source>Wrap up</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Overtime</source>
        <translation>Tiempo extra</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Llegó tarde</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>Salió antes</translation>
    </message>
    <message>
        <source>Absent, excused</source>
        <translation>Ausencia justificada</translation>
    </message>
    <message>
        <source>Absent, unexcused</source>
        <translation>Ausencia injustificada</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Creación</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation>Cofirmar</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Devolución</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Inicio de sesión fallido</translation>
    </message>
    <message>
        <source>Sign-out</source>
        <translation>Cierre de sesión</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloqueo</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Settings change</source>
        <translation>Cambio de configuración</translation>
    </message>
    <message>
        <source>Account change</source>
        <translation>Cambio de cuenta</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Disclose</source>
        <translation>Divulgación</translation>
    </message>
    <message>
        <source>Partial hospitalization</source>
        <translation>Hospitalización parcial</translation>
    </message>
    <message>
        <source>Intensive outpatient</source>
        <translation>Ambulatorio intensivo</translation>
    </message>
    <message>
        <source>Outpatient</source>
        <translation>Ambulatorio</translation>
    </message>
    <message>
        <source>Completed the program</source>
        <translation>Completó el programa</translation>
    </message>
    <message>
        <source>Left against advice</source>
        <translation>Se retiró contra indicación clínica</translation>
    </message>
    <message>
        <source>Transferred to another program</source>
        <translation>Transferido a otro programa</translation>
    </message>
    <message>
        <source>Administrative discharge</source>
        <translation>Alta administrativa</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Probation or parole</source>
        <translation>Libertad a prueba o condicional</translation>
    </message>
    <message>
        <source>Employer</source>
        <translation>Empleador</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Attendance: dates attended and hours</source>
        <translation>Asistencia: fechas en que asistió y horas</translation>
    </message>
    <message>
        <source>Program completion: whether and when the program was completed</source>
        <translation>Finalización del programa: si se completó el programa y cuándo</translation>
    </message>
    <message>
        <source>Attendance letter</source>
        <translation>Carta de asistencia</translation>
    </message>
    <message>
        <source>Completion letter</source>
        <translation>Carta de finalización</translation>
    </message>
    <message>
        <source>Psychoeducation</source>
        <translation>Psicoeducación</translation>
    </message>
    <message>
        <source>Skills development</source>
        <translation>Desarrollo de habilidades</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Apoyo</translation>
    </message>
    <message>
        <source>Single-interest</source>
        <translation>Tema específico</translation>
    </message>
    <message>
        <source>Family and couples</source>
        <translation>Familias y parejas</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>Enseñanza</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Role play</source>
        <translation>Juego de roles</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>DAP (Data, Assessment, Plan)</source>
        <translation>DAP (Datos, Evaluación, Plan)</translation>
    </message>
    <message>
        <source>BIRP (Behavior, Intervention, Response, Plan)</source>
        <translation>BIRP (Conducta, Intervención, Respuesta, Plan)</translation>
    </message>
    <message>
        <source>GIRP (Goal, Intervention, Response, Plan)</source>
        <translation>GIRP (Meta, Intervención, Respuesta, Plan)</translation>
    </message>
    <message>
        <source>PIRP (Problem, Intervention, Response, Plan)</source>
        <translation>PIRP (Problema, Intervención, Respuesta, Plan)</translation>
    </message>
    <message>
        <source>SOAP (Subjective, Objective, Assessment, Plan)</source>
        <translation>SOAP (Subjetivo, Objetivo, Evaluación, Plan)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Firmada</translation>
    </message>
    <message>
        <source>Awaiting co-signature</source>
        <translation>En espera de cofirma</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devueltas</translation>
    </message>
    <message>
        <source>Co-signed</source>
        <translation>Cofirmada</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitador</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Handouts for this session</source>
        <translation>Folletos de esta sesión</translation>
    </message>
    <message>
        <source>Facilitator guide (with role cards)</source>
        <translation>Guía del facilitador (con tarjetas de roles)</translation>
    </message>
    <message>
        <source>Role-play cards only</source>
        <translation>Solo tarjetas de roles</translation>
    </message>
    <message>
        <source>Workbook: every handout of the curriculum</source>
        <translation>Cuaderno de trabajo: todos los folletos del currículo</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completó</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Dado de alta</translation>
    </message>
    <message>
        <source>Adult</source>
        <translation>Adulto</translation>
    </message>
    <message>
        <source>Adolescent</source>
        <translation>Adolescente</translation>
    </message>
    <message>
        <source>Open (rolling)</source>
        <translation>Abierta (continua)</translation>
    </message>
    <message>
        <source>Closed (cohort)</source>
        <translation>Cerrada (cohorte)</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre de la clínica</translation>
    </message>
    <message>
        <source>Printed on handouts, reports and notes.</source>
        <translation>Se imprime en folletos, informes y notas.</translation>
    </message>
    <message>
        <source>Clinic logo</source>
        <translation>Logotipo de la clínica</translation>
    </message>
    <message>
        <source>An image printed at the top of handouts and reports (PNG or JPEG, stored as text).</source>
        <translation>Una imagen que se imprime arriba en folletos e informes (PNG o JPEG, guardada como texto).</translation>
    </message>
    <message>
        <source>Clinic time zone</source>
        <translation>Zona horaria de la clínica</translation>
    </message>
    <message>
        <source>The zone meeting times, note times and reports are read in. Empty: this computer&apos;s zone.</source>
        <translation>La zona en que se leen las horas de reuniones, notas e informes. Vacía: la zona de esta computadora.</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Copias de seguridad automáticas conservadas</translation>
    </message>
    <message>
        <source>How many of the backups taken when the app closes are kept in the data folder.</source>
        <translation>Cuántas de las copias de seguridad hechas al cerrar la aplicación se conservan en la carpeta de datos.</translation>
    </message>
    <message>
        <source>backups</source>
        <translation>copias</translation>
    </message>
    <message>
        <source>Weekly hours target for adults</source>
        <translation>Meta de horas semanales para adultos</translation>
    </message>
    <message>
        <source>An adult IOP participant&apos;s weekly target unless their record sets another.</source>
        <translation>La meta semanal de un participante adulto del IOP, salvo que su expediente fije otra.</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>Weekly hours target for adolescents</source>
        <translation>Meta de horas semanales para adolescentes</translation>
    </message>
    <message>
        <source>An adolescent participant&apos;s weekly target unless their record sets another.</source>
        <translation>La meta semanal de un participante adolescente, salvo que su expediente fije otra.</translation>
    </message>
    <message>
        <source>Daily minimum hours</source>
        <translation>Horas mínimas por día</translation>
    </message>
    <message>
        <source>A day counts toward the program when a participant attends at least this long.</source>
        <translation>Un día cuenta para el programa cuando un participante asiste al menos este tiempo.</translation>
    </message>
    <message>
        <source>Weekly hours flagged as high</source>
        <translation>Horas semanales marcadas como altas</translation>
    </message>
    <message>
        <source>Weeks at or above this are flagged (partial hospitalization is usually 20 or more).</source>
        <translation>Las semanas con esta cantidad o más se marcan (la hospitalización parcial suele ser de 20 o más).</translation>
    </message>
    <message>
        <source>Group size warning</source>
        <translation>Aviso de tamaño del grupo</translation>
    </message>
    <message>
        <source>Warn when a group has more members than this.</source>
        <translation>Avisar cuando un grupo tenga más miembros que esta cantidad.</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>Progress note format</source>
        <translation>Formato de las notas de evolución</translation>
    </message>
    <message>
        <source>The format of individual notes, unless a group chooses its own.</source>
        <translation>El formato de las notas individuales, salvo que un grupo elija el suyo.</translation>
    </message>
    <message>
        <source>Note deadline</source>
        <translation>Plazo de las notas</translation>
    </message>
    <message>
        <source>Notes are due this many business days after the meeting; later drafts are overdue.</source>
        <translation>Las notas vencen esta cantidad de días hábiles después de la reunión; los borradores posteriores quedan atrasados.</translation>
    </message>
    <message>
        <source>business days</source>
        <translation>días hábiles</translation>
    </message>
    <message>
        <source>Screen lock after</source>
        <translation>Bloqueo de pantalla tras</translation>
    </message>
    <message>
        <source>Lock the screen after this many minutes without keyboard or mouse.</source>
        <translation>Bloquear la pantalla tras esta cantidad de minutos sin usar el teclado ni el mouse.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>Wrong passwords before a lockout</source>
        <translation>Contraseñas incorrectas antes de un bloqueo</translation>
    </message>
    <message>
        <source>After this many wrong passwords in a row the account is locked for a while.</source>
        <translation>Tras esta cantidad de contraseñas incorrectas seguidas, la cuenta se bloquea un tiempo.</translation>
    </message>
    <message>
        <source>tries</source>
        <translation>intentos</translation>
    </message>
    <message>
        <source>Lockout after wrong passwords</source>
        <translation>Bloqueo tras contraseñas incorrectas</translation>
    </message>
    <message>
        <source>How long an account stays locked after too many wrong passwords.</source>
        <translation>Cuánto tiempo queda bloqueada una cuenta tras demasiadas contraseñas incorrectas.</translation>
    </message>
    <message>
        <source>Wrap-up warning at</source>
        <translation>Aviso de cierre al</translation>
    </message>
    <message>
        <source>The timer turns to wrap-up when this share of an item&apos;s time is left.</source>
        <translation>El temporizador pasa a cierre cuando queda esta parte del tiempo de un punto.</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Wrap-up warning at most</source>
        <translation>Aviso de cierre como máximo</translation>
    </message>
    <message>
        <source>The wrap-up warning never comes earlier than this before an item ends.</source>
        <translation>El aviso de cierre nunca llega antes de este tiempo previo al final de un punto.</translation>
    </message>
    <message>
        <source>Shortest item</source>
        <translation>Punto más corto</translation>
    </message>
    <message>
        <source>Finishing on time never shrinks an item below this.</source>
        <translation>Terminar a tiempo nunca reduce un punto por debajo de esto.</translation>
    </message>
    <message>
        <source>PHQ-9 and GAD-7 schedule</source>
        <translation>Calendario del PHQ-9 y del GAD-7</translation>
    </message>
    <message>
        <source>When the questionnaires fall due: at admission and every 2 or 4 weeks, at admission only, or only when a counselor chooses to give them.</source>
        <translation>Cuándo tocan los cuestionarios: al ingreso y cada 2 o 4 semanas, solo al ingreso, o solo cuando un consejero decida aplicarlos.</translation>
    </message>
    <message>
        <source>Weekly hours target in outpatient care</source>
        <translation>Meta de horas semanales en atención ambulatoria</translation>
    </message>
    <message>
        <source>The weekly target while a participant is at the outpatient level (IOP uses the targets above).</source>
        <translation>La meta semanal mientras un participante está en el nivel ambulatorio (el IOP usa las metas de arriba).</translation>
    </message>
    <message>
        <source>Weekly hours target in partial hospitalization</source>
        <translation>Meta de horas semanales en hospitalización parcial</translation>
    </message>
    <message>
        <source>The weekly target while a participant is at the partial hospitalization level.</source>
        <translation>La meta semanal mientras un participante está en el nivel de hospitalización parcial.</translation>
    </message>
    <message>
        <source>Days without an unexpected positive screen</source>
        <translation>Días sin una prueba positiva inesperada</translation>
    </message>
    <message>
        <source>To step down or complete: days since the last positive screen not explained by a prescribed medication. 0: not required.</source>
        <translation>Para bajar de nivel o completar: días desde la última prueba positiva que no se explica por un medicamento recetado. 0: no se exige.</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Curriculum coverage needed</source>
        <translation>Cobertura del currículo necesaria</translation>
    </message>
    <message>
        <source>To step down or complete: the share of the track&apos;s sessions attended. 0: not required.</source>
        <translation>Para bajar de nivel o completar: la parte de las sesiones de la secuencia a las que asistió. 0: no se exige.</translation>
    </message>
    <message>
        <source>Weeks at the hour target</source>
        <translation>Semanas en la meta de horas</translation>
    </message>
    <message>
        <source>To step down or complete: weeks at or above the weekly hour target (not necessarily in a row). 0: not required.</source>
        <translation>Para bajar de nivel o completar: semanas en la meta de horas semanales o por encima (no necesariamente seguidas). 0: no se exige.</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation>semanas</translation>
    </message>
    <message>
        <source>Latest PHQ-9 below</source>
        <translation>Último PHQ-9 menor que</translation>
    </message>
    <message>
        <source>To step down or complete: the latest PHQ-9 total under this (10 is the moderate band). 0: not required.</source>
        <translation>Para bajar de nivel o completar: el total del último PHQ-9, por debajo de esto (10 es el rango moderado). 0: no se exige.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>Latest GAD-7 below</source>
        <translation>Último GAD-7 menor que</translation>
    </message>
    <message>
        <source>To step down or complete: the latest GAD-7 total under this (10 is the moderate band). 0: not required.</source>
        <translation>Para bajar de nivel o completar: el total del último GAD-7, por debajo de esto (10 es el rango moderado). 0: no se exige.</translation>
    </message>
    <message>
        <source>Code for psychoeducation groups</source>
        <translation>Código de los grupos de psicoeducación</translation>
    </message>
    <message>
        <source>The service code a meeting of this type is billed under; none: not billed.</source>
        <translation>El código de servicio con que se factura una reunión de este tipo; ninguno: no se factura.</translation>
    </message>
    <message>
        <source>Code for skills groups</source>
        <translation>Código de los grupos de habilidades</translation>
    </message>
    <message>
        <source>Code for support groups</source>
        <translation>Código de los grupos de apoyo</translation>
    </message>
    <message>
        <source>Code for single-interest groups</source>
        <translation>Código de los grupos de tema específico</translation>
    </message>
    <message>
        <source>The service code a meeting of this type is billed under (90853: group psychotherapy; none: not billed).</source>
        <translation>El código de servicio con que se factura una reunión de este tipo (90853: psicoterapia de grupo; ninguno: no se factura).</translation>
    </message>
    <message>
        <source>Code for family groups</source>
        <translation>Código de los grupos familiares</translation>
    </message>
    <message>
        <source>The service code a meeting of this type is billed under (90849: multiple-family group; none: not billed).</source>
        <translation>El código de servicio con que se factura una reunión de este tipo (90849: grupo multifamiliar; ninguno: no se factura).</translation>
    </message>
    <message>
        <source>Per-diem codes</source>
        <translation>Códigos de tarifa diaria</translation>
    </message>
    <message>
        <source>Codes billed once a day when the day&apos;s signed, attended time reaches the minimum (comma-separated).</source>
        <translation>Códigos que se facturan una vez al día cuando el tiempo asistido y firmado del día llega al mínimo (separados por comas).</translation>
    </message>
    <message>
        <source>Per-diem minimum</source>
        <translation>Mínimo para la tarifa diaria</translation>
    </message>
    <message>
        <source>A day is billed per diem when a participant attends at least this long with signed notes.</source>
        <translation>Un día se factura con tarifa diaria cuando un participante asiste al menos este tiempo, con notas firmadas.</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>Program rules</source>
        <translation>Reglas del programa</translation>
    </message>
    <message>
        <source>Progress notes</source>
        <translation>Notas de evolución</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Session timers</source>
        <translation>Temporizadores de sesión</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Facturación</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>The meeting&apos;s date.</source>
        <translation>La fecha de la reunión.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Actual start time.</source>
        <translation>Hora real de inicio.</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Actual end time.</source>
        <translation>Hora real de término.</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Duración (minutos)</translation>
    </message>
    <message>
        <source>Actual length in minutes.</source>
        <translation>Duración real en minutos.</translation>
    </message>
    <message>
        <source>Number present</source>
        <translation>Número de presentes</translation>
    </message>
    <message>
        <source>How many participants attended.</source>
        <translation>Cuántos participantes asistieron.</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Facilitadores</translation>
    </message>
    <message>
        <source>Who led the group.</source>
        <translation>Quién dirigió el grupo.</translation>
    </message>
    <message>
        <source>Group type</source>
        <translation>Tipo de grupo</translation>
    </message>
    <message>
        <source>Psychoeducation, skills, support, single-interest or family.</source>
        <translation>Psicoeducación, habilidades, apoyo, tema específico o familia.</translation>
    </message>
    <message>
        <source>Curriculum session</source>
        <translation>Sesión del currículo</translation>
    </message>
    <message>
        <source>Curriculum and session run.</source>
        <translation>Currículo y sesión conducida.</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>The session&apos;s topic.</source>
        <translation>El tema de la sesión.</translation>
    </message>
    <message>
        <source>Agenda as run</source>
        <translation>Agenda tal como se realizó</translation>
    </message>
    <message>
        <source>Each item as it actually ran, with real minutes.</source>
        <translation>Cada punto tal como se realizó, con sus minutos reales.</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Intervenciones</translation>
    </message>
    <message>
        <source>What the facilitators did: teaching, rehearsal, exercises.</source>
        <translation>Lo que hicieron los facilitadores: enseñanza, ensayo, ejercicios.</translation>
    </message>
    <message>
        <source>Group process</source>
        <translation>Proceso grupal</translation>
    </message>
    <message>
        <source>How the group worked together: themes, cohesion, conflict.</source>
        <translation>Cómo trabajó el grupo en conjunto: temas, cohesión, conflicto.</translation>
    </message>
    <message>
        <source>Risk and safety</source>
        <translation>Riesgo y seguridad</translation>
    </message>
    <message>
        <source>Any risk raised in the group (suicide, harm to others, overdose) and what was done; details about one person belong in their individual note.</source>
        <translation>Cualquier riesgo que surgió en el grupo (suicidio, daño a otros, sobredosis) y lo que se hizo; los detalles sobre una persona van en su nota individual.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>What was observed and said: attendance, participation, quotes, behaviour.</source>
        <translation>Lo que se observó y se dijo: asistencia, participación, citas, conducta.</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Your clinical interpretation of the data and progress on goals.</source>
        <translation>Su interpretación clínica de los datos y el avance en las metas.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>What happens next for this person: focus, homework, referrals, next session.</source>
        <translation>Lo que sigue para esta persona: enfoque, tareas, derivaciones, próxima sesión.</translation>
    </message>
    <message>
        <source>Thoughts of suicide or of harming others, overdose risk, and whether the safety plan was reviewed.</source>
        <translation>Pensamientos de suicidio o de hacer daño a otros, riesgo de sobredosis y si se revisó el plan de seguridad.</translation>
    </message>
    <message>
        <source>Behavior</source>
        <translation>Conducta</translation>
    </message>
    <message>
        <source>Observable behaviour and presentation in this session.</source>
        <translation>Conducta observable y presentación en esta sesión.</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>What the facilitator did in this session that this person received.</source>
        <translation>Lo que el facilitador hizo en esta sesión y que esta persona recibió.</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>How this person responded to the interventions, in observable terms.</source>
        <translation>Cómo respondió esta persona a las intervenciones, en términos observables.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>The treatment-plan goal(s) this session addressed for this person.</source>
        <translation>Las metas del plan de tratamiento que esta sesión trabajó con esta persona.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>The presenting problem or treatment-plan problem addressed.</source>
        <translation>El problema que motivó la consulta o el problema del plan de tratamiento que se trabajó.</translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation>Subjetivo</translation>
    </message>
    <message>
        <source>What the person reported, in their words.</source>
        <translation>Lo que la persona relató, en sus palabras.</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>What you observed: attendance, participation, affect, behaviour.</source>
        <translation>Lo que usted observó: asistencia, participación, afecto, conducta.</translation>
    </message>
    <message>
        <source>Your clinical interpretation and progress on goals.</source>
        <translation>Su interpretación clínica y el avance en las metas.</translation>
    </message>
</context>
<context>
    <name>core.agenda_clock</name>
    <message>
        <source>{minutes} min ahead</source>
        <translation>{minutes} min de adelanto</translation>
    </message>
    <message>
        <source>{minutes} min under the slot</source>
        <translation>{minutes} min menos que el horario</translation>
    </message>
    <message>
        <source>{minutes} min behind</source>
        <translation>{minutes} min de retraso</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>La sesión terminó.</translation>
    </message>
    <message>
        <source>{minutes} min over the slot</source>
        <translation>{minutes} min más que el horario</translation>
    </message>
    <message>
        <source>The session has already started.</source>
        <translation>La sesión ya empezó.</translation>
    </message>
    <message>
        <source>Every item is left out; put one back before starting.</source>
        <translation>Todos los puntos están omitidos; vuelva a incluir uno antes de empezar.</translation>
    </message>
    <message>
        <source>The timer is not running.</source>
        <translation>El temporizador no está en marcha.</translation>
    </message>
    <message>
        <source>The timer is not paused.</source>
        <translation>El temporizador no está en pausa.</translation>
    </message>
    <message>
        <source>This is the last item; end the session instead.</source>
        <translation>Este es el último punto; mejor termine la sesión.</translation>
    </message>
    <message>
        <source>This is the first item.</source>
        <translation>Este es el primer punto.</translation>
    </message>
    <message>
        <source>The session is not running.</source>
        <translation>La sesión no está en marcha.</translation>
    </message>
    <message>
        <source>The current item is not a role play.</source>
        <translation>El punto actual no es un juego de roles.</translation>
    </message>
    <message>
        <source>The role play is already at its debrief.</source>
        <translation>El juego de roles ya está en su reflexión final.</translation>
    </message>
    <message>
        <source>Only items still to come can be moved, and only below the current item.</source>
        <translation>Solo se pueden mover los puntos que aún no llegan, y solo debajo del punto actual.</translation>
    </message>
    <message>
        <source>The item is already there.</source>
        <translation>El punto ya está ahí.</translation>
    </message>
    <message>
        <source>“{title}” is over; its time can no longer change.</source>
        <translation>«{title}» ya terminó; su tiempo ya no puede cambiar.</translation>
    </message>
    <message>
        <source>An item needs at least one minute; leave it out instead.</source>
        <translation>Un punto necesita al menos un minuto; mejor omítalo.</translation>
    </message>
    <message>
        <source>Use Skip to leave out the current item.</source>
        <translation>Use Saltar para omitir el punto actual.</translation>
    </message>
    <message>
        <source>There is no item {number}.</source>
        <translation>No existe el punto {number}.</translation>
    </message>
    <message>
        <source>“{title}” is not still to come.</source>
        <translation>«{title}» ya no está pendiente.</translation>
    </message>
    <message>
        <source>“{title}” cannot be put back: it is not a left-out item still to come.</source>
        <translation>«{title}» no se puede volver a incluir: no es un punto omitido que aún esté pendiente.</translation>
    </message>
    <message>
        <source>The agenda changed since the proposal; ask for a new one.</source>
        <translation>La agenda cambió desde la propuesta; pida una nueva.</translation>
    </message>
    <message>
        <source>Start the session first.</source>
        <translation>Inicie la sesión primero.</translation>
    </message>
    <message>
        <source>On schedule</source>
        <extracomment>Kinds that &quot;finish on time&quot; never shortens: people need their break, and the group its check-out.</extracomment>
        <translation>A tiempo</translation>
    </message>
</context>
<context>
    <name>core.attendance</name>
    <message>
        <source>{text!r} is not a time; type it like 18:15 or 1815</source>
        <translation>{text!r} no es una hora; escríbala como 18:15 o 1815</translation>
    </message>
    <message>
        <source>{text!r} is not a time of day</source>
        <translation>{text!r} no es una hora del día</translation>
    </message>
    <message>
        <source>{text} is well outside this meeting ({begin}–{end}); check the time typed</source>
        <translation>{text} queda muy fuera de esta reunión ({begin}–{end}); revise la hora escrita</translation>
    </message>
    <message>
        <source>{name!r} is not a known time zone (use a name like America/Chicago)</source>
        <translation>{name!r} no es una zona horaria conocida (use un nombre como America/Chicago)</translation>
    </message>
    <message>
        <source>{text!r} is not a time: with am or pm the hour is 1 to 12</source>
        <translation>{text!r} no es una hora: con am o pm, la hora va de 1 a 12</translation>
    </message>
    <message>
        <source>weekdays run from 0 (Monday) to 6 (Sunday)</source>
        <translation>los días de la semana van de 0 (lunes) a 6 (domingo)</translation>
    </message>
    <message>
        <source>a meeting lasts between 1 minute and 24 hours</source>
        <translation>una reunión dura entre 1 minuto y 24 horas</translation>
    </message>
    <message>
        <source>{part!r} is not a day of the week (use mon, tue, ...)</source>
        <translation>{part!r} no es un día de la semana (use mon, tue, ...)</translation>
    </message>
</context>
<context>
    <name>core.audit</name>
    <message>
        <source>entry {first}</source>
        <translation>la entrada {first}</translation>
    </message>
    <message>
        <source>entries {first} to {last}</source>
        <translation>las entradas {first} a {last}</translation>
    </message>
    <message>
        <source>the trail is empty</source>
        <translation>el registro está vacío</translation>
    </message>
    <message>
        <source>its newest entry is now {now}</source>
        <translation>su entrada más reciente ahora es la {now}</translation>
    </message>
    <message>
        <source>{what} at the end of the trail were deleted.</source>
        <translation>se eliminaron {what} al final del registro.</translation>
    </message>
    <message>
        <source>the checkpoint of {when} is of another clinic database (id {clinic_id}); this database&apos;s identity was changed or the database was replaced.</source>
        <translation>el punto de control del {when} es de otra base de datos de clínica (id {clinic_id}); se cambió la identidad de esta base de datos o se reemplazó la base de datos.</translation>
    </message>
    <message>
        <source>the checkpoint of {when} saw {seq} entries but {what}: entries were cut off or the trail was wiped.</source>
        <translation>el punto de control del {when} vio {seq} entradas, pero {what}: se cortaron entradas o se borró el registro.</translation>
    </message>
    <message>
        <source>entry {seq} is missing</source>
        <translation>falta la entrada {seq}</translation>
    </message>
    <message>
        <source>entries {first} to {last} are missing</source>
        <translation>faltan las entradas {first} a {last}</translation>
    </message>
    <message>
        <source>entry {seq} ({at}, {username}, {action}) was altered after it was written.</source>
        <translation>la entrada {seq} ({at}, {username}, {action}) se alteró después de escribirse.</translation>
    </message>
    <message>
        <source>entry {last_seq}, the newest, was replaced after it was written.</source>
        <translation>la entrada {last_seq}, la más reciente, se reemplazó después de escribirse.</translation>
    </message>
    <message>
        <source>entry {seq} is not the entry the checkpoint of {when} sealed: entries were cut off and the trail written on, or the trail up to it was rewritten and its chain recomputed.</source>
        <translation>la entrada {seq} no es la que selló el punto de control del {when}: se cortaron entradas y se siguió escribiendo, o se reescribió el registro hasta ella y se recalculó su cadena.</translation>
    </message>
    <message>
        <source>{missing}: deleted from the trail.</source>
        <translation>{missing}: eliminadas del registro.</translation>
    </message>
    <message>
        <source>entry {seq} appears twice or out of order.</source>
        <translation>la entrada {seq} aparece dos veces o fuera de orden.</translation>
    </message>
    <message>
        <source>entry {seq} does not follow the entry before it: an earlier entry was altered or removed.</source>
        <translation>la entrada {seq} no sigue a la anterior: se alteró o se eliminó una entrada previa.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
</context>
<context>
    <name>core.care</name>
    <message>
        <source>Say why the level of care changes.</source>
        <translation>Indique por qué cambia el nivel de atención.</translation>
    </message>
    <message>
        <source>The reason can be at most {reason_max} characters.</source>
        <translation>El motivo puede tener como máximo {reason_max} caracteres.</translation>
    </message>
    <message>
        <source>Say who decided the change (for example, the treatment team).</source>
        <translation>Indique quién decidió el cambio (por ejemplo, el equipo de tratamiento).</translation>
    </message>
    <message>
        <source>Who decided can be at most 200 characters.</source>
        <translation>Quién decidió puede tener como máximo 200 caracteres.</translation>
    </message>
    <message>
        <source>A change cannot take effect before the program start ({program_start}).</source>
        <translation>Un cambio no puede entrar en vigor antes del inicio del programa ({program_start}).</translation>
    </message>
    <message>
        <source>A change can be recorded at most 90 days ahead.</source>
        <translation>Un cambio se puede registrar con 90 días de anticipación como máximo.</translation>
    </message>
    <message>
        <source>The participant is already at {label} on that date.</source>
        <translation>El participante ya está en {label} en esa fecha.</translation>
    </message>
    <message>
        <source>The aftercare plan has a field Facilitator does not know.</source>
        <translation>El plan de seguimiento tiene un campo que Facilitator no reconoce.</translation>
    </message>
    <message>
        <source>Choose a level of care: {words}.</source>
        <translation>Elija un nivel de atención: {words}.</translation>
    </message>
    <message>
        <source>Choose how the stay ended: {words}.</source>
        <translation>Elija cómo terminó la estancia: {words}.</translation>
    </message>
    <message>
        <source>{labels} can have at most {plan_lines_max} lines.</source>
        <translation>{labels} puede tener como máximo {plan_lines_max} líneas.</translation>
    </message>
    <message>
        <source>Each line of {labels} can be at most {plan_line_max} characters.</source>
        <translation>Cada línea de {labels} puede tener como máximo {plan_line_max} caracteres.</translation>
    </message>
    <message>
        <source>People and places that help me</source>
        <translation>Personas y lugares que me ayudan</translation>
    </message>
    <message>
        <source>One a line: a sponsor, family, a friend, a faith group.</source>
        <translation>Uno por línea: un padrino, la familia, un amigo, un grupo de fe.</translation>
    </message>
    <message>
        <source>Meetings I will go to</source>
        <translation>Reuniones a las que iré</translation>
    </message>
    <message>
        <source>One a line: which meeting, where, which day.</source>
        <translation>Una por línea: qué reunión, dónde, qué día.</translation>
    </message>
    <message>
        <source>My warning signs</source>
        <translation>Mis señales de alerta</translation>
    </message>
    <message>
        <source>One a line, in the person&apos;s words.</source>
        <translation>Una por línea, con las palabras de la persona.</translation>
    </message>
    <message>
        <source>What I will do</source>
        <translation>Lo que haré</translation>
    </message>
    <message>
        <source>One a line: what helps when a warning sign shows up.</source>
        <translation>Una por línea: lo que ayuda cuando aparece una señal de alerta.</translation>
    </message>
    <message>
        <source>People I can call</source>
        <translation>Personas a las que puedo llamar</translation>
    </message>
    <message>
        <source>One a line: a name and a number.</source>
        <translation>Una por línea: un nombre y un número.</translation>
    </message>
    <message>
        <source>My next appointment</source>
        <translation>Mi próxima cita</translation>
    </message>
    <message>
        <source>Where and when, if there is one.</source>
        <translation>Dónde y cuándo, si la hay.</translation>
    </message>
</context>
<context>
    <name>core.changes</name>
    <message>
        <source>record</source>
        <translation>registro</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>participante</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>meeting</source>
        <translation>reunión</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>attendance sheet</source>
        <translation>hoja de asistencia</translation>
    </message>
    <message>
        <source>discharge summary</source>
        <translation>resumen de alta</translation>
    </message>
    <message>
        <source>aftercare plan</source>
        <translation>plan de seguimiento</translation>
    </message>
    <message>
        <source>safety flag</source>
        <translation>alerta de seguridad</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>ene</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>feb</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>abr</translation>
    </message>
    <message>
        <source>May</source>
        <translation>may</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>jun</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>jul</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>ago</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>sep</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>oct</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>nov</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>dic</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>{who} changed this {what} after you opened it. Nothing was overwritten: reload to see their version, or save yours over it.</source>
        <translation>{who} cambió este registro ({what}) después de que usted lo abrió. No se sobrescribió nada: vuelva a cargarlo para ver su versión o guarde la suya encima.</translation>
    </message>
    <message>
        <source>{who} changed this {what} at {time} on {day} {month}, after you opened it. Nothing was overwritten: reload to see their version, or save yours over it.</source>
        <translation>{who} cambió este registro ({what}) a las {time} del {day} {month}, después de que usted lo abrió. No se sobrescribió nada: vuelva a cargarlo para ver su versión o guarde la suya encima.</translation>
    </message>
</context>
<context>
    <name>core.clinic_settings</name>
    <message>
        <source>{label} must be a number.</source>
        <translation>{label} debe ser un número.</translation>
    </message>
    <message>
        <source>{label} must be between {minimum:g} and {maximum:g}{unit}.</source>
        <translation>{label} debe estar entre {minimum:g} y {maximum:g}{unit}.</translation>
    </message>
    <message>
        <source>{label} can be at most {max_length} characters.</source>
        <translation>{label} puede tener como máximo {max_length} caracteres.</translation>
    </message>
    <message>
        <source>{label} cannot hold control characters.</source>
        <translation>{label} no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>{label} is too large; choose an image under 512 KB.</source>
        <translation>{label} es demasiado grande; elija una imagen de menos de 512 KB.</translation>
    </message>
    <message>
        <source>{label} must be one of {choices}.</source>
        <translation>{label} debe ser uno de estos valores: {choices}.</translation>
    </message>
    <message>
        <source>{label} must be a number, not {text!r}.</source>
        <translation>{label} debe ser un número, no {text!r}.</translation>
    </message>
    <message>
        <source>{label} must be a whole number.</source>
        <translation>{label} debe ser un número entero.</translation>
    </message>
    <message>
        <source>{text!r} is not a time zone Facilitator knows, such as America/Chicago.</source>
        <translation>{text!r} no es una zona horaria que Facilitator conozca, como America/Chicago.</translation>
    </message>
    <message>
        <source>{label} could not be read as an image.</source>
        <translation>{label} no se pudo leer como imagen.</translation>
    </message>
</context>
<context>
    <name>core.consents</name>
    <message>
        <source>There is no recorded consent for this letter; record the participant&apos;s signed consent first.</source>
        <translation>No hay un consentimiento registrado para esta carta; registre primero el consentimiento firmado del participante.</translation>
    </message>
    <message>
        <source>The participant revoked this consent on {revoked_on}; no letter may go out under it.</source>
        <translation>El participante revocó este consentimiento el {revoked_on}; no puede enviarse ninguna carta con base en él.</translation>
    </message>
    <message>
        <source>This consent expired on {expires_on}; ask the participant for a new one.</source>
        <translation>Este consentimiento venció el {expires_on}; pida uno nuevo al participante.</translation>
    </message>
    <message>
        <source>This consent is signed on a later date than today; check the signature date.</source>
        <translation>Este consentimiento tiene una fecha de firma posterior a hoy; revise la fecha de firma.</translation>
    </message>
    <message>
        <source>This consent does not cover {information} information; the participant must consent to it before a letter says it.</source>
        <translation>Este consentimiento no cubre la información de {information}; el participante debe consentirlo antes de que una carta la mencione.</translation>
    </message>
    <message>
        <source>This consent covers letters to {recipient_name} only.</source>
        <translation>Este consentimiento solo cubre cartas dirigidas a {recipient_name}.</translation>
    </message>
    <message>
        <source>The record does not show this participant completed the program (status: {status}); a completion letter cannot be written.</source>
        <translation>El expediente no muestra que este participante haya completado el programa (estado: {status}); no se puede redactar una carta de finalización.</translation>
    </message>
    <message>
        <source>Say who discloses: the clinic&apos;s name (set it in the clinic settings).</source>
        <translation>Indique quién divulga: el nombre de la clínica (defínalo en la configuración de la clínica).</translation>
    </message>
    <message>
        <source>Say to whom the information goes: the court, officer or employer by name.</source>
        <translation>Indique a quién va la información: el tribunal, el oficial o el empleador, por su nombre.</translation>
    </message>
    <message>
        <source>Say what kind of recipient this is: a court, probation, an employer or other.</source>
        <translation>Indique qué tipo de destinatario es: un tribunal, libertad condicional, un empleador u otro.</translation>
    </message>
    <message>
        <source>Say what information may be disclosed: attendance, completion, or both.</source>
        <translation>Indique qué información se puede divulgar: asistencia, finalización o ambas.</translation>
    </message>
    <message>
        <source>Say why the information is disclosed (the purpose), for example a court&apos;s monitoring.</source>
        <translation>Indique por qué se divulga la información (el propósito), por ejemplo, el seguimiento de un tribunal.</translation>
    </message>
    <message>
        <source>Say until when the consent lasts: an end date, or the event that ends it.</source>
        <translation>Indique hasta cuándo dura el consentimiento: una fecha de fin o el evento que lo termina.</translation>
    </message>
    <message>
        <source>The event that ends the consent can be at most {max_event} characters.</source>
        <translation>El evento que termina el consentimiento puede tener como máximo {max_event} caracteres.</translation>
    </message>
    <message>
        <source>Give the date the participant signed the consent.</source>
        <translation>Indique la fecha en que el participante firmó el consentimiento.</translation>
    </message>
    <message>
        <source>The consent cannot end before the participant signed it.</source>
        <translation>El consentimiento no puede terminar antes de que el participante lo firmara.</translation>
    </message>
    <message>
        <source>The participant must be told of the right to revoke; tick that the form says so.</source>
        <translation>Se debe informar al participante de su derecho a revocar; marque que el formulario lo indica.</translation>
    </message>
    <message>
        <source>The discloser&apos;s name can be at most {max_name} characters.</source>
        <translation>El nombre de quien divulga puede tener como máximo {max_name} caracteres.</translation>
    </message>
    <message>
        <source>The recipient&apos;s name can be at most {max_name} characters.</source>
        <translation>El nombre del destinatario puede tener como máximo {max_name} caracteres.</translation>
    </message>
    <message>
        <source>The purpose can be at most {max_purpose} characters.</source>
        <translation>El propósito puede tener como máximo {max_purpose} caracteres.</translation>
    </message>
    <message>
        <source>The signature date cannot be later than today.</source>
        <translation>La fecha de firma no puede ser posterior a hoy.</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>asistencia</translation>
    </message>
    <message>
        <source>completion</source>
        <translation>finalización</translation>
    </message>
    <message>
        <source>I understand that I may revoke this consent at any time, except to the extent that the program has already acted on it, by telling the program in writing or in person.</source>
        <translation>Entiendo que puedo revocar este consentimiento en cualquier momento, salvo en la medida en que el programa ya haya actuado con base en él, avisándole al programa por escrito o en persona.</translation>
    </message>
</context>
<context>
    <name>core.files</name>
    <message>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>el nombre del archivo es demasiado largo</translation>
    </message>
    <message>
        <source>permission was denied</source>
        <translation>se denegó el permiso</translation>
    </message>
    <message>
        <source>there is no such file or folder</source>
        <translation>no existe ese archivo o carpeta</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>una parte de la ruta no es una carpeta</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es una carpeta</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <source>the path loops through links</source>
        <translation>la ruta forma un ciclo de enlaces</translation>
    </message>
    <message>
        <source>the disk could not be read or written</source>
        <translation>no se pudo leer o escribir en el disco</translation>
    </message>
</context>
<context>
    <name>core.limits</name>
    <message>
        <source>The {label} {day} is not between {earliest} and {latest}.</source>
        <translation>{label}: la fecha {day} no está entre {earliest} y {latest}.</translation>
    </message>
    <message>
        <source>the {label} {day} is not between {earliest} and {latest}</source>
        <translation>{label}: la fecha {day} no está entre {earliest} y {latest}</translation>
    </message>
    <message>
        <source>The report&apos;s end date is before its start date.</source>
        <translation>La fecha de fin del informe es anterior a su fecha de inicio.</translation>
    </message>
    <message>
        <source>The {what} {name} is {megabytes:.1f} MB; the largest Facilitator reads is {limit_mb} MB.</source>
        <translation>El archivo {name} ({what}) pesa {megabytes:.1f} MB; lo máximo que Facilitator lee es {limit_mb} MB.</translation>
    </message>
    <message>
        <source>the {label} is longer than {max_chars:,} characters</source>
        <translation>el campo «{label}» tiene más de {max_chars:,} caracteres</translation>
    </message>
    <message>
        <source>the {label} contains control characters</source>
        <translation>el campo «{label}» contiene caracteres de control</translation>
    </message>
    <message>
        <source>The {label} is longer than {max_chars:,} characters.</source>
        <translation>El campo «{label}» tiene más de {max_chars:,} caracteres.</translation>
    </message>
    <message>
        <source>The {label} contains control characters.</source>
        <translation>El campo «{label}» contiene caracteres de control.</translation>
    </message>
    <message>
        <source>The {label} {shown!r} is not a date like 2026-03-01.</source>
        <translation>{label}: {shown!r} no es una fecha como 2026-03-01.</translation>
    </message>
    <message>
        <source>record number</source>
        <translation>número de expediente</translation>
    </message>
    <message>
        <source>preferred name</source>
        <translation>nombre preferido</translation>
    </message>
    <message>
        <source>legal name</source>
        <translation>nombre legal</translation>
    </message>
    <message>
        <source>language</source>
        <translation>idioma</translation>
    </message>
    <message>
        <source>treatment goal</source>
        <translation>objetivo de tratamiento</translation>
    </message>
    <message>
        <source>relative&apos;s name</source>
        <translation>nombre del familiar</translation>
    </message>
    <message>
        <source>relationship</source>
        <translation>parentesco</translation>
    </message>
    <message>
        <source>staff name</source>
        <translation>nombre del personal</translation>
    </message>
    <message>
        <source>group name</source>
        <translation>nombre del grupo</translation>
    </message>
    <message>
        <source>room</source>
        <translation>sala</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nombre completo</translation>
    </message>
    <message>
        <source>credentials</source>
        <translation>credenciales</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>observación</translation>
    </message>
    <message>
        <source>note section</source>
        <translation>sección de la nota</translation>
    </message>
    <message>
        <source>addendum</source>
        <translation>adenda</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>comentario</translation>
    </message>
    <message>
        <source>player&apos;s name</source>
        <translation>nombre del participante en el juego de roles</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>primer día</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>último día</translation>
    </message>
</context>
<context>
    <name>core.measures</name>
    <message>
        <source>{instrument} ({reason})</source>
        <translation>{instrument} ({reason})</translation>
    </message>
    <message>
        <source>{shown} is not a substance Facilitator knows; use one of {substances}.</source>
        <translation>{shown} no es una sustancia que Facilitator conozca; use una de estas: {substances}.</translation>
    </message>
    <message>
        <source>The {label} {day} is in the future; today is {today}.</source>
        <translation>{label}: la fecha {day} está en el futuro; hoy es {today}.</translation>
    </message>
    <message>
        <source>A mood is one word of at most {mood_max_chars} letters.</source>
        <translation>El ánimo es una sola palabra de {mood_max_chars} letras como máximo.</translation>
    </message>
    <message>
        <source>A mood is one word (letters, with - or &apos; inside), not {shown}.</source>
        <translation>El ánimo es una sola palabra (letras, con - o &apos; en medio), no {shown}.</translation>
    </message>
    <message>
        <source>Type a rating or a mood before saving this check-in.</source>
        <translation>Escriba una puntuación o el ánimo antes de guardar esta bienvenida.</translation>
    </message>
    <message>
        <source>{shown} is not a questionnaire Facilitator scores; use PHQ-9 or GAD-7.</source>
        <translation>{shown} no es un cuestionario que Facilitator puntúe; use PHQ-9 o GAD-7.</translation>
    </message>
    <message>
        <source>A {key} has {items_count} items; {given_count} answers were given.</source>
        <translation>El {key} tiene {items_count} preguntas; se dieron {given_count} respuestas.</translation>
    </message>
    <message>
        <source>last given {day}, {ago}</source>
        <translation>última vez el {day}, {ago}</translation>
    </message>
    <message>
        <source>{shown} is not a medication a screen can expect; use {expected_medications}.</source>
        <translation>{shown} no es un medicamento que una prueba pueda esperar; use {expected_medications}.</translation>
    </message>
    <message>
        <source>A panel&apos;s name is at most {panel_max_chars} characters.</source>
        <translation>El nombre de un panel tiene como máximo {panel_max_chars} caracteres.</translation>
    </message>
    <message>
        <source>A panel&apos;s name is one line of text.</source>
        <translation>El nombre de un panel es una sola línea de texto.</translation>
    </message>
    <message>
        <source>A screen needs a result for at least one substance.</source>
        <translation>Una prueba necesita un resultado para al menos una sustancia.</translation>
    </message>
    <message>
        <source>The number of meetings must be a whole number from 0 to {mutual_help_max_per_week}.</source>
        <translation>El número de reuniones debe ser un número entero de 0 a {mutual_help_max_per_week}.</translation>
    </message>
    <message>
        <source>{count} meetings in one week is more than Facilitator records ({mutual_help_max_per_week} at most).</source>
        <translation>{count} reuniones en una semana es más de lo que Facilitator registra ({mutual_help_max_per_week} como máximo).</translation>
    </message>
    <message>
        <source>Give the reason this entry was entered in error.</source>
        <translation>Indique el motivo por el que esta entrada se registró por error.</translation>
    </message>
    <message>
        <source>The file is larger than {megabytes} MB; split it into smaller files.</source>
        <translation>El archivo pesa más de {megabytes} MB; divídalo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>The file&apos;s first line must name the columns {lab_columns}; missing: {missing}.</source>
        <translation>La primera línea del archivo debe nombrar las columnas {lab_columns}; faltan: {missing}.</translation>
    </message>
    <message>
        <source>The file has more than {lab_file_max_rows:,} rows; split it into smaller files.</source>
        <translation>El archivo tiene más de {lab_file_max_rows:,} filas; divídalo en archivos más pequeños.</translation>
    </message>
    <message>
        <source>The file has a header but no results.</source>
        <translation>El archivo tiene encabezado pero ningún resultado.</translation>
    </message>
    <message>
        <source>A {label} rating must be a whole number from {low} to {high}.</source>
        <translation>Una puntuación de {label} debe ser un número entero de {low} a {high}.</translation>
    </message>
    <message>
        <source>A {label} rating of {number} is outside the scale; use {low} to {high}.</source>
        <translation>Una puntuación de {label} de {number} está fuera de la escala; use de {low} a {high}.</translation>
    </message>
    <message>
        <source>{shown} is not a rating Facilitator knows; use {rating_scales}.</source>
        <translation>{shown} no es una puntuación que Facilitator conozca; use {rating_scales}.</translation>
    </message>
    <message>
        <source>This check-in does not collect a {label} rating.</source>
        <translation>Esta bienvenida no recoge una puntuación de {label}.</translation>
    </message>
    <message>
        <source>{key} item {n} has no answer; every item needs one (0 to 3).</source>
        <translation>La pregunta {n} del {key} no tiene respuesta; cada pregunta necesita una (de 0 a 3).</translation>
    </message>
    <message>
        <source>The answer to {key} item {n} must be 0, 1, 2 or 3, not {shown}.</source>
        <translation>La respuesta a la pregunta {n} del {key} debe ser 0, 1, 2 o 3, no {shown}.</translation>
    </message>
    <message>
        <source>The {key} difficulty answer must be 0, 1, 2 or 3, not {shown}.</source>
        <translation>La respuesta de dificultad del {key} debe ser 0, 1, 2 o 3, no {shown}.</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>hace {days} días</translation>
    </message>
    <message>
        <source>{weeks} weeks ago</source>
        <translation>hace {weeks} semanas</translation>
    </message>
    <message>
        <source>A screen result is negative, positive, invalid or not tested, not {shown}.</source>
        <translation>El resultado de una prueba es negativo, positivo, inválido o no analizado, no {shown}.</translation>
    </message>
    <message>
        <source>A specimen is urine or oral fluid, not {shown}.</source>
        <translation>Una muestra es de orina o de fluido oral, no {shown}.</translation>
    </message>
    <message>
        <source>{substances} has two results in one screen.</source>
        <translation>{substances} tiene dos resultados en una misma prueba.</translation>
    </message>
    <message>
        <source>A mutual-help meeting is 12-step or other, not {shown}.</source>
        <translation>Una reunión de ayuda mutua es de 12 pasos u otra, no {shown}.</translation>
    </message>
    <message>
        <source>The file cannot be read: {problem}.</source>
        <translation>No se puede leer el archivo: {problem}.</translation>
    </message>
    <message>
        <source>A {label} rating must be a whole number from {low} to {high}, not {shown}.</source>
        <translation>Una puntuación de {label} debe ser un número entero de {low} a {high}, no {shown}.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; save it from the spreadsheet as CSV UTF-8.</source>
        <translation>El archivo no es texto UTF-8; guárdelo desde la hoja de cálculo como CSV UTF-8.</translation>
    </message>
    <message>
        <source>at admission</source>
        <extracomment>The ratings a check-in may collect; a curriculum&apos;s check-in item names some of these. The PHQ-9 item (1-based) about thoughts of death or self-harm; any answer above 0 raises a flag. A result this many days before the program start counts as the admission measure. A repeat measure may be given this many days before it falls due (the group may not meet that day).</extracomment>
        <translation>al ingreso</translation>
    </message>
    <message>
        <source>collection date</source>
        <extracomment>Substances a panel may test, by the key stored; the label is what people read. Common panels, as the substances each tests (a screen may also name its own). Medications a person may be expected to test positive for, and the substances each explains.</extracomment>
        <translation>fecha de recolección</translation>
    </message>
    <message>
        <source>week</source>
        <translation>semana</translation>
    </message>
</context>
<context>
    <name>core.notes</name>
    <message>
        <source>This note names another participant ({found}); other members must not appear in a person&apos;s record. Use &quot;a peer&quot; instead.</source>
        <translation>Esta nota nombra a otro participante ({found}); los demás miembros no deben aparecer en el expediente de una persona. Escriba &quot;un compañero&quot; en su lugar.</translation>
    </message>
    <message>
        <source>The note is longer than the {note_content_max_chars:,} characters a note can hold in all.</source>
        <translation>La nota supera los {note_content_max_chars:,} caracteres que una nota puede tener en total.</translation>
    </message>
    <message>
        <source>Only a note awaiting co-signature can be returned; this one is {label}.</source>
        <translation>Solo se puede devolver una nota en espera de cofirma; el estado de esta es «{label}».</translation>
    </message>
    <message>
        <source>The {label} section is longer than {max_chars:,} characters.</source>
        <translation>La sección «{label}» tiene más de {max_chars:,} caracteres.</translation>
    </message>
    <message>
        <source>The {label} section contains control characters.</source>
        <translation>La sección «{label}» contiene caracteres de control.</translation>
    </message>
    <message>
        <source>Fill in {sections} before signing.</source>
        <translation>Complete {sections} antes de firmar.</translation>
    </message>
    <message>
        <source>Your account has no name to sign with; ask an administrator to add it.</source>
        <translation>Su cuenta no tiene un nombre con el que firmar; pida a un administrador que lo agregue.</translation>
    </message>
    <message>
        <source>The credentials on your account are too long (100 characters at most).</source>
        <translation>Las credenciales de su cuenta son demasiado largas (100 caracteres como máximo).</translation>
    </message>
    <message>
        <source>{name} has an open safety flag: fill in Risk and safety before signing.</source>
        <translation>{name} tiene una alerta de seguridad abierta: complete Riesgo y seguridad antes de firmar.</translation>
    </message>
    <message>
        <source>Only a signed note takes an addendum; change the draft instead.</source>
        <translation>Solo una nota firmada admite una adenda; modifique el borrador en su lugar.</translation>
    </message>
    <message>
        <source>Type the addendum&apos;s text.</source>
        <translation>Escriba el texto de la adenda.</translation>
    </message>
    <message>
        <source>This note is already marked entered in error.</source>
        <translation>Esta nota ya está marcada como registrada por error.</translation>
    </message>
    <message>
        <source>Only a signed note can be marked entered in error; a draft can simply be changed.</source>
        <translation>Solo una nota firmada se puede marcar como registrada por error; un borrador simplemente se puede modificar.</translation>
    </message>
    <message>
        <source>Give the reason the note was entered in error.</source>
        <translation>Indique el motivo por el que la nota se registró por error.</translation>
    </message>
    <message>
        <source>This note is {label} and cannot be signed again.</source>
        <translation>Esta nota no se puede firmar de nuevo (estado: {label}).</translation>
    </message>
    <message>
        <source>Only a note awaiting co-signature can be co-signed; this one is {label}.</source>
        <translation>Solo se puede cofirmar una nota en espera de cofirma; el estado de esta es «{label}».</translation>
    </message>
    <message>
        <source>This participant</source>
        <translation>Este participante</translation>
    </message>
</context>
<context>
    <name>core.passwords</name>
    <message>
        <source>A password needs at least {min_password_length} characters.</source>
        <translation>Una contraseña necesita al menos {min_password_length} caracteres.</translation>
    </message>
    <message>
        <source>A password cannot begin or end with a space.</source>
        <translation>Una contraseña no puede empezar ni terminar con un espacio.</translation>
    </message>
    <message>
        <source>A password cannot be the same as the user name.</source>
        <translation>Una contraseña no puede ser igual al nombre de usuario.</translation>
    </message>
    <message>
        <source>A password cannot be the person&apos;s name.</source>
        <translation>Una contraseña no puede ser el nombre de la persona.</translation>
    </message>
    <message>
        <source>A password needs more different characters than that.</source>
        <translation>Una contraseña necesita más caracteres distintos.</translation>
    </message>
</context>
<context>
    <name>core.permissions</name>
    <message>
        <source>Only an administrator can manage accounts.</source>
        <translation>Solo un administrador puede gestionar las cuentas.</translation>
    </message>
    <message>
        <source>Only an administrator can change the clinic&apos;s settings.</source>
        <translation>Solo un administrador puede cambiar la configuración de la clínica.</translation>
    </message>
    <message>
        <source>Only an administrator can change participants, groups or enrollment.</source>
        <translation>Solo un administrador puede cambiar participantes, grupos o inscripciones.</translation>
    </message>
    <message>
        <source>Only an administrator can back up or restore the database.</source>
        <translation>Solo un administrador puede hacer o restaurar copias de seguridad de la base de datos.</translation>
    </message>
    <message>
        <source>Only supervisors and administrators can read the audit trail.</source>
        <translation>Solo los supervisores y los administradores pueden leer el registro de auditoría.</translation>
    </message>
    <message>
        <source>This group is not one you lead; ask a supervisor for access.</source>
        <translation>Este grupo no es uno que usted dirija; pida acceso a un supervisor.</translation>
    </message>
    <message>
        <source>This participant is not in a group you lead; ask a supervisor for access.</source>
        <translation>Este participante no está en un grupo que usted dirija; pida acceso a un supervisor.</translation>
    </message>
    <message>
        <source>Only this group&apos;s facilitators or a supervisor can record its attendance.</source>
        <translation>Solo los facilitadores de este grupo o un supervisor pueden registrar su asistencia.</translation>
    </message>
    <message>
        <source>Only this group&apos;s facilitators, a supervisor or an administrator can plan its meetings.</source>
        <translation>Solo los facilitadores de este grupo, un supervisor o un administrador pueden planificar sus reuniones.</translation>
    </message>
    <message>
        <source>Only this group&apos;s facilitators or a supervisor can run its sessions.</source>
        <translation>Solo los facilitadores de este grupo o un supervisor pueden conducir sus sesiones.</translation>
    </message>
    <message>
        <source>Progress notes are open to the group&apos;s facilitators and to supervisors only.</source>
        <translation>Las notas de progreso solo están disponibles para los facilitadores del grupo y para los supervisores.</translation>
    </message>
    <message>
        <source>Only this group&apos;s facilitators or a supervisor can write its notes.</source>
        <translation>Solo los facilitadores de este grupo o un supervisor pueden escribir sus notas.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author can change it.</source>
        <translation>Solo el autor de la nota puede modificarla.</translation>
    </message>
    <message>
        <source>Only a supervisor can co-sign a note.</source>
        <translation>Solo un supervisor puede cofirmar una nota.</translation>
    </message>
    <message>
        <source>Only a supervisor can return a note to its author.</source>
        <translation>Solo un supervisor puede devolver una nota a su autor.</translation>
    </message>
    <message>
        <source>Only supervisors review and co-sign notes.</source>
        <translation>Solo los supervisores revisan y cofirman notas.</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator can choose a group&apos;s note format.</source>
        <translation>Solo un supervisor o un administrador puede elegir el formato de nota de un grupo.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author or a supervisor can add an addendum.</source>
        <translation>Solo el autor de la nota o un supervisor puede agregar una adenda.</translation>
    </message>
    <message>
        <source>Only the note&apos;s author or a supervisor can mark it entered in error.</source>
        <translation>Solo el autor de la nota o un supervisor puede marcarla como registrada por error.</translation>
    </message>
    <message>
        <source>Only this group&apos;s facilitators or a supervisor can note observations about its members.</source>
        <translation>Solo los facilitadores de este grupo o un supervisor pueden anotar observaciones sobre sus miembros.</translation>
    </message>
    <message>
        <source>Only the facilitators of this participant&apos;s groups or a supervisor can record their measures.</source>
        <translation>Solo los facilitadores de los grupos de este participante o un supervisor pueden registrar sus mediciones.</translation>
    </message>
    <message>
        <source>Measures are open to the participant&apos;s group facilitators and to supervisors only.</source>
        <translation>Las mediciones solo están disponibles para los facilitadores de los grupos del participante y para los supervisores.</translation>
    </message>
    <message>
        <source>Safety flags are open to the participant&apos;s group facilitators and to supervisors only.</source>
        <translation>Las alertas de seguridad solo están disponibles para los facilitadores de los grupos del participante y para los supervisores.</translation>
    </message>
    <message>
        <source>Only the facilitators of this participant&apos;s groups or a supervisor can acknowledge their safety flags.</source>
        <translation>Solo los facilitadores de los grupos de este participante o un supervisor pueden confirmar sus alertas de seguridad.</translation>
    </message>
    <message>
        <source>A participant&apos;s care record is open to their group&apos;s facilitators and to supervisors only.</source>
        <translation>El expediente de atención de un participante solo está disponible para los facilitadores de su grupo y para los supervisores.</translation>
    </message>
    <message>
        <source>Only the participant&apos;s facilitators or a supervisor can record a change of level of care.</source>
        <translation>Solo los facilitadores del participante o un supervisor pueden registrar un cambio de nivel de atención.</translation>
    </message>
    <message>
        <source>Only supervisors see who is ready to step down or complete.</source>
        <translation>Solo los supervisores ven quién está listo para bajar de nivel o completar.</translation>
    </message>
    <message>
        <source>Only the participant&apos;s facilitators or a supervisor can write a discharge.</source>
        <translation>Solo los facilitadores del participante o un supervisor pueden redactar un alta.</translation>
    </message>
    <message>
        <source>Only the discharge summary&apos;s author can change or sign it.</source>
        <translation>Solo el autor del resumen de alta puede modificarlo o firmarlo.</translation>
    </message>
    <message>
        <source>Only a supervisor can co-sign or return a discharge summary.</source>
        <translation>Solo un supervisor puede cofirmar o devolver un resumen de alta.</translation>
    </message>
    <message>
        <source>Only this participant&apos;s facilitators, a supervisor or an administrator can record their consents.</source>
        <translation>Solo los facilitadores de este participante, un supervisor o un administrador pueden registrar sus consentimientos.</translation>
    </message>
    <message>
        <source>Only this participant&apos;s facilitators, a supervisor or an administrator can write letters about them.</source>
        <translation>Solo los facilitadores de este participante, un supervisor o un administrador pueden redactar cartas sobre él.</translation>
    </message>
    <message>
        <source>Only supervisors, administrators and the facilitators of a group can export its services to bill.</source>
        <translation>Solo los supervisores, los administradores y los facilitadores de un grupo pueden exportar sus servicios para facturar.</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>You cannot co-sign your own note; another supervisor must review it.</source>
        <translation>No puede cofirmar su propia nota; otro supervisor debe revisarla.</translation>
    </message>
    <message>
        <source>You cannot review your own note; another supervisor must review it.</source>
        <translation>No puede revisar su propia nota; otro supervisor debe revisarla.</translation>
    </message>
    <message>
        <source>You cannot review your own discharge summary; another supervisor must.</source>
        <translation>No puede revisar su propio resumen de alta; debe hacerlo otro supervisor.</translation>
    </message>
</context>
<context>
    <name>core.roster</name>
    <message>
        <source>large print must be yes or no, not {shown}</source>
        <translation>«letra grande» debe ser yes o no, no {shown}</translation>
    </message>
    <message>
        <source>the first line must name the columns</source>
        <translation>la primera línea debe nombrar las columnas</translation>
    </message>
    <message>
        <source>the record number is empty</source>
        <translation>el número de expediente está vacío</translation>
    </message>
    <message>
        <source>the preferred name is empty</source>
        <translation>el nombre preferido está vacío</translation>
    </message>
    <message>
        <source>the legal name is empty</source>
        <translation>el nombre legal está vacío</translation>
    </message>
    <message>
        <source>the weekly hours target must be between 0 and 60</source>
        <translation>la meta de horas semanales debe estar entre 0 y 60</translation>
    </message>
    <message>
        <source>the date of birth is after the program start</source>
        <translation>la fecha de nacimiento es posterior al inicio del programa</translation>
    </message>
    <message>
        <source>there are more than {max_goals} treatment goals</source>
        <translation>hay más de {max_goals} objetivos de tratamiento</translation>
    </message>
    <message>
        <source>a treatment goal is longer than {goal_max_chars} characters</source>
        <translation>un objetivo de tratamiento tiene más de {goal_max_chars} caracteres</translation>
    </message>
    <message>
        <source>the group needs a name</source>
        <translation>el grupo necesita un nombre</translation>
    </message>
    <message>
        <source>the end date is before the start date</source>
        <translation>la fecha de fin es anterior a la fecha de inicio</translation>
    </message>
    <message>
        <source>the capacity must be between 1 and 100</source>
        <translation>la capacidad debe estar entre 1 y 100</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>el archivo está vacío</translation>
    </message>
    <message>
        <source>line 1 is not valid CSV ({exc})</source>
        <translation>la línea 1 no es CSV válido ({exc})</translation>
    </message>
    <message>
        <source>no column is chosen for {fields}</source>
        <translation>no se eligió ninguna columna para {fields}</translation>
    </message>
    <message>
        <source>has {cells_count} cells but the header names {headers_count} columns</source>
        <translation>tiene {cells_count} celdas, pero el encabezado nombra {headers_count} columnas</translation>
    </message>
    <message>
        <source>record number {shown} is also on line {line}</source>
        <translation>el número de expediente {shown} también está en la línea {line}</translation>
    </message>
    <message>
        <source>the {what} is empty</source>
        <translation>{what}: está vacío</translation>
    </message>
    <message>
        <source>the {what} {shown} is not a date like 2026-03-01</source>
        <translation>{what}: {shown} no es una fecha como 2026-03-01</translation>
    </message>
    <message>
        <source>the weekly hours target {shown} is not a number</source>
        <translation>la meta de horas semanales {shown} no es un número</translation>
    </message>
    <message>
        <source>a treatment goal contains control characters</source>
        <translation>un objetivo de tratamiento contiene caracteres de control</translation>
    </message>
    <message>
        <source>line {line} is not valid CSV ({exc})</source>
        <translation>la línea {line} no es CSV válido ({exc})</translation>
    </message>
    <message>
        <source>the program start {start} is more than a year away</source>
        <translation>el inicio del programa {start} está a más de un año</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>program start</source>
        <translation>inicio del programa</translation>
    </message>
    <message>
        <source>start date</source>
        <translation>fecha de inicio</translation>
    </message>
    <message>
        <source>end date</source>
        <translation>fecha de fin</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nombre legal</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Program start</source>
        <translation>Inicio del programa</translation>
    </message>
    <message>
        <source>Weekly hours target</source>
        <translation>Meta de horas semanales</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>roster file</source>
        <translation>lista de participantes</translation>
    </message>
</context>
<context>
    <name>core.safety</name>
    <message>
        <source>Safety protocol for group facilitators</source>
        <translation>Protocolo de seguridad para facilitadores de grupo</translation>
    </message>
    <message>
        <source>For the facilitator&apos;s eyes: keep it on your screen, never on the room display. Your clinic&apos;s own policy comes first where it says more. In any danger to life, call 911 first.</source>
        <translation>Solo para el facilitador: manténgalo en su pantalla, nunca en la pantalla de la sala. La política de su clínica manda donde diga más. Ante cualquier peligro para la vida, llame primero al 911.</translation>
    </message>
    <message>
        <source>Before every group</source>
        <translation>Antes de cada grupo</translation>
    </message>
    <message>
        <source>Know where help is before you need it.</source>
        <translation>Sepa dónde está la ayuda antes de necesitarla.</translation>
    </message>
    <message>
        <source>Know where the naloxone kit is (at least two doses) and check that it is in date.</source>
        <translation>Sepa dónde está el kit de naloxona (al menos dos dosis) y revise que no esté vencido.</translation>
    </message>
    <message>
        <source>Know who can take over from you today: the clinician on call or your supervisor, and how to reach them fast.</source>
        <translation>Sepa quién puede relevarlo hoy: el clínico de guardia o su supervisor, y cómo localizarlos rápido.</translation>
    </message>
    <message>
        <source>Have a working phone in the room and know the building&apos;s street address for 911.</source>
        <translation>Tenga un teléfono que funcione en la sala y sepa la dirección del edificio para dar al 911.</translation>
    </message>
    <message>
        <source>If you have a co-facilitator, agree who stays with the group and who goes with a person who needs help.</source>
        <translation>Si tiene cofacilitador, acuerden quién se queda con el grupo y quién acompaña a una persona que necesite ayuda.</translation>
    </message>
    <message>
        <source>In the first session of every group, tell members what you will do if someone arrives intoxicated, talks about suicide, or overdoses, and where the crisis numbers are (988, 911, 1-800-662-4357).</source>
        <translation>En la primera sesión de cada grupo, diga a los miembros qué hará si alguien llega intoxicado, habla de suicidio o sufre una sobredosis, y dónde están los números de crisis (988, 911, 1-800-662-4357).</translation>
    </message>
    <message>
        <source>Someone arrives intoxicated</source>
        <translation>Alguien llega intoxicado</translation>
    </message>
    <message>
        <source>Safety first, privately and without shame. They do not join the group today.</source>
        <translation>Primero la seguridad, en privado y sin avergonzar. Hoy no participa en el grupo.</translation>
    </message>
    <message>
        <source>Speak with the person alone, calmly and kindly, away from the group. Do not argue or confront them in front of others.</source>
        <translation>Hable con la persona a solas, con calma y amabilidad, lejos del grupo. No discuta ni la confronte delante de otros.</translation>
    </message>
    <message>
        <source>Check for a medical emergency first: very hard to wake, slow or noisy breathing, blue lips, chest pain, a seizure, or confusion. If so, call 911 and go to the overdose steps.</source>
        <translation>Primero descarte una emergencia médica: muy difícil de despertar, respiración lenta o ruidosa, labios azulados, dolor en el pecho, una convulsión o confusión. Si es así, llame al 911 y siga los pasos de sobredosis.</translation>
    </message>
    <message>
        <source>Ask what they took, how much and when. Alcohol with opioids or benzodiazepines can stop breathing.</source>
        <translation>Pregunte qué consumió, cuánto y cuándo. El alcohol junto con opioides o benzodiacepinas puede detener la respiración.</translation>
    </message>
    <message>
        <source>Ask directly about thoughts of suicide: being intoxicated raises the risk. If yes, go to the suicide steps.</source>
        <translation>Pregunte directamente por pensamientos de suicidio: estar intoxicado aumenta el riesgo. Si dice que sí, siga los pasos de suicidio.</translation>
    </message>
    <message>
        <source>Tell them they cannot join the group today, that this is for safety and is not a punishment, and that they are welcome at the next group.</source>
        <translation>Dígale que hoy no puede participar en el grupo, que es por seguridad y no un castigo, y que es bienvenido en el próximo grupo.</translation>
    </message>
    <message>
        <source>Do not let them drive. Arrange a safe way home: a sober support person, a taxi or ride service. Do not send a person at risk away alone.</source>
        <translation>No permita que maneje. Organice un regreso seguro a casa: una persona de apoyo sobria, un taxi o un servicio de transporte. No mande sola a casa a una persona en riesgo.</translation>
    </message>
    <message>
        <source>If they use opioids, offer naloxone to take with them and remind them that tolerance may be lower.</source>
        <translation>Si consume opioides, ofrézcale naloxona para llevar y recuérdele que su tolerancia puede ser menor.</translation>
    </message>
    <message>
        <source>Hand over to the clinician on call. Tell the group only what the person agrees to, for example: &quot;They are not joining us today.&quot;</source>
        <translation>Entréguelo al clínico de guardia. Diga al grupo solo lo que la persona acepte, por ejemplo: &quot;Hoy no nos acompaña.&quot;</translation>
    </message>
    <message>
        <source>Write down what you saw and heard (not labels), what you did, who you told, and the plan. Follow up within one working day.</source>
        <translation>Anote lo que vio y oyó (no etiquetas), lo que hizo, a quién avisó y el plan. Dé seguimiento dentro de un día hábil.</translation>
    </message>
    <message>
        <source>Withdrawal can be dangerous too: shaking, sweating, seeing or hearing things, or confusion after stopping alcohol or benzodiazepines can lead to seizures. That needs urgent medical care.</source>
        <translation>La abstinencia también puede ser peligrosa: temblores, sudor, ver u oír cosas, o confusión después de dejar el alcohol o las benzodiacepinas pueden llevar a convulsiones. Eso necesita atención médica urgente.</translation>
    </message>
    <message>
        <source>If the person insists on driving while impaired, follow your clinic&apos;s policy.</source>
        <translation>Si la persona insiste en manejar bajo los efectos, siga la política de su clínica.</translation>
    </message>
    <message>
        <source>Use of alcohol or drugs is a sign to adjust the treatment plan, not a reason to shame or discharge.</source>
        <translation>El consumo de alcohol o drogas es una señal para ajustar el plan de tratamiento, no un motivo para avergonzar ni dar de alta.</translation>
    </message>
    <message>
        <source>Someone talks about suicide</source>
        <translation>Alguien habla de suicidio</translation>
    </message>
    <message>
        <source>Ask directly, stay with them, limit access to lethal means, hand over in person, document.</source>
        <translation>Pregunte directamente, quédese con la persona, limite el acceso a medios letales, entréguela en persona, documente.</translation>
    </message>
    <message>
        <source>Take every mention seriously. Thank them for telling you. Move somewhere private; a co-facilitator or colleague holds the group, or pause it.</source>
        <translation>Tome en serio cada mención. Agradézcale que se lo haya dicho. Vayan a un lugar privado; un cofacilitador o colega se queda con el grupo, o haga una pausa.</translation>
    </message>
    <message>
        <source>Ask directly, in plain words: &quot;Are you thinking about killing yourself?&quot; Asking does not put the idea in someone&apos;s mind.</source>
        <translation>Pregunte directamente, con palabras claras: &quot;¿Está pensando en quitarse la vida?&quot; Preguntar no le pone la idea en la cabeza a nadie.</translation>
    </message>
    <message>
        <source>Gather information: a plan? When? Access to means (firearms, stored medicines)? Past attempts? Using alcohol or drugs today? What keeps them going?</source>
        <translation>Reúna información: ¿tiene un plan? ¿Para cuándo? ¿Acceso a medios (armas de fuego, medicamentos guardados)? ¿Intentos anteriores? ¿Consumió alcohol o drogas hoy? ¿Qué lo mantiene adelante?</translation>
    </message>
    <message>
        <source>Stay with them. Do not leave a person at risk alone, not even for a minute, and do not send them to the waiting room alone.</source>
        <translation>Quédese con la persona. No deje sola a una persona en riesgo, ni siquiera un minuto, y no la mande sola a la sala de espera.</translation>
    </message>
    <message>
        <source>Get help now: bring in your supervisor or the clinician on call. If there is immediate danger (a plan and the means at hand, an attempt under way, or they cannot agree to stay safe), call 911.</source>
        <translation>Busque ayuda ya: llame a su supervisor o al clínico de guardia. Si hay peligro inmediato (un plan y los medios a la mano, un intento en curso, o no puede comprometerse a mantenerse a salvo), llame al 911.</translation>
    </message>
    <message>
        <source>Limit access to lethal means: agree with the person, and someone they trust, who will lock up or take away firearms, medicines and other means, today.</source>
        <translation>Limite el acceso a medios letales: acuerde con la persona, y con alguien de su confianza, quién guardará bajo llave o retirará las armas de fuego, los medicamentos y otros medios, hoy mismo.</translation>
    </message>
    <message>
        <source>Make or review a safety plan together: warning signs, ways to cope, people and places, professionals, 988, and making the home safer. You can call 988 together.</source>
        <translation>Hagan o revisen juntos un plan de seguridad: señales de alerta, formas de afrontar, personas y lugares, profesionales, el 988 y cómo hacer más segura la casa. Pueden llamar juntos al 988.</translation>
    </message>
    <message>
        <source>Hand over in person, to the clinician, crisis team or emergency staff. Never only &quot;here is a number&quot;.</source>
        <translation>Entréguela en persona al clínico, al equipo de crisis o al personal de emergencias. Nunca solo &quot;aquí tiene un número&quot;.</translation>
    </message>
    <message>
        <source>Document: their words, your questions and their answers, risk and protective factors, who you consulted, what you did and the follow-up plan.</source>
        <translation>Documente: sus palabras, sus preguntas y las respuestas, los factores de riesgo y de protección, a quién consultó, lo que hizo y el plan de seguimiento.</translation>
    </message>
    <message>
        <source>Extend the action: check on them the next day and at the next group, and tell the treatment team.</source>
        <translation>Continúe la atención: pregunte por la persona al día siguiente y en el próximo grupo, e informe al equipo de tratamiento.</translation>
    </message>
    <message>
        <source>If it comes up in front of the group, respond calmly: &quot;Thank you for saying that. I want to talk with you about it right now.&quot; Then check on the rest of the group.</source>
        <translation>Si surge delante del grupo, responda con calma: &quot;Gracias por decirlo. Quiero hablar con usted de esto ahora mismo.&quot; Luego vea cómo está el resto del grupo.</translation>
    </message>
    <message>
        <source>Confidentiality does not stop you acting to keep someone alive; follow your clinic&apos;s policy on who to inform.</source>
        <translation>La confidencialidad no le impide actuar para mantener a alguien con vida; siga la política de su clínica sobre a quién informar.</translation>
    </message>
    <message>
        <source>Alcohol and drug use, a recent loss, leaving treatment, and release from jail or a hospital raise risk.</source>
        <translation>El consumo de alcohol y drogas, una pérdida reciente, dejar el tratamiento y salir de la cárcel o de un hospital aumentan el riesgo.</translation>
    </message>
    <message>
        <source>An overdose in the building</source>
        <translation>Una sobredosis en el edificio</translation>
    </message>
    <message>
        <source>Call 911, give naloxone, support breathing, recovery position, stay.</source>
        <translation>Llame al 911, dé naloxona, apoye la respiración, posición de recuperación, quédese.</translation>
    </message>
    <message>
        <source>Check: they do not wake to a loud voice or a firm rub on the breastbone; breathing is slow, shallow or stopped; gurgling or snoring sounds; blue or grey lips or fingertips.</source>
        <translation>Revise: no despierta con una voz fuerte ni con un frote firme sobre el esternón; respira lento, poco o nada; hace ruidos de gorgoteo o ronquidos; labios o puntas de los dedos azulados o grises.</translation>
    </message>
    <message>
        <source>Call 911, or have someone call, with the phone on speaker: &quot;Someone is not breathing&quot; and the address. Send someone for the naloxone kit and to meet the paramedics.</source>
        <translation>Llame al 911, o pida a alguien que llame, con el altavoz encendido: &quot;Alguien no respira&quot; y la dirección. Mande a alguien por el kit de naloxona y a recibir a los paramédicos.</translation>
    </message>
    <message>
        <source>Give naloxone: lay them on their back, tilt the head back, put the nozzle in one nostril and press the plunger. It does no harm if opioids are not involved.</source>
        <translation>Dé naloxona: acuéstela boca arriba, inclínele la cabeza hacia atrás, ponga la boquilla en una fosa nasal y presione el émbolo. No hace daño si no hay opioides de por medio.</translation>
    </message>
    <message>
        <source>Support breathing: if they are not breathing, tilt the head back, lift the chin, pinch the nose and give one breath every 5 seconds. If you are trained and there is no pulse, start CPR.</source>
        <translation>Apoye la respiración: si no respira, inclínele la cabeza hacia atrás, levántele la barbilla, tápele la nariz y dé una respiración cada 5 segundos. Si tiene capacitación y no hay pulso, empiece la RCP.</translation>
    </message>
    <message>
        <source>No response after 2 to 3 minutes: give another dose in the other nostril. Keep giving doses every 2 to 3 minutes until they respond or help arrives.</source>
        <translation>Sin respuesta después de 2 a 3 minutos: dé otra dosis en la otra fosa nasal. Siga dando dosis cada 2 a 3 minutos hasta que responda o llegue la ayuda.</translation>
    </message>
    <message>
        <source>Once they breathe on their own, put them in the recovery position: on their side, top knee bent, head tilted back, so they do not choke.</source>
        <translation>Cuando respire por sí sola, póngala en posición de recuperación: de lado, con la rodilla de arriba doblada y la cabeza inclinada hacia atrás, para que no se ahogue.</translation>
    </message>
    <message>
        <source>Stay with them until the paramedics arrive. Naloxone wears off in 30 to 90 minutes and fentanyl can outlast it, so the overdose can come back.</source>
        <translation>Quédese con la persona hasta que lleguen los paramédicos. La naloxona deja de hacer efecto en 30 a 90 minutos y el fentanilo puede durar más, así que la sobredosis puede volver.</translation>
    </message>
    <message>
        <source>Tell the paramedics what you saw and what you gave. Then look after the group: someone stays with them, and you talk it through.</source>
        <translation>Diga a los paramédicos lo que vio y lo que le dio. Luego atienda al grupo: alguien se queda con ellos, y hablan de lo ocurrido.</translation>
    </message>
    <message>
        <source>Write an incident report, follow your clinic&apos;s policy, and restock the naloxone kit.</source>
        <translation>Escriba un informe del incidente, siga la política de su clínica y reponga el kit de naloxona.</translation>
    </message>
    <message>
        <source>Xylazine (&quot;tranq&quot;) is a sedative often mixed with fentanyl. It is not an opioid, so naloxone does not reverse it. Still give naloxone, because fentanyl is usually there too, and focus on breathing. A person may breathe but stay very drowsy: recovery position, and stay.</source>
        <translation>La xilacina (&quot;tranq&quot;) es un sedante que a menudo se mezcla con fentanilo. No es un opioide, así que la naloxona no la revierte. Aun así dé naloxona, porque casi siempre hay fentanilo también, y concéntrese en la respiración. La persona puede respirar pero seguir muy adormilada: posición de recuperación, y quédese.</translation>
    </message>
    <message>
        <source>Stimulant overdose (cocaine, methamphetamine): very hot skin, chest pain, racing heart, seizure, extreme agitation or confusion, signs of stroke. Call 911, keep them cool and calm, move things away during a seizure, do not hold them down. Give naloxone if they are not breathing or not responding: stimulants are often mixed with fentanyl.</source>
        <translation>Sobredosis de estimulantes (cocaína, metanfetamina): piel muy caliente, dolor en el pecho, corazón acelerado, convulsión, agitación o confusión extremas, señales de derrame cerebral. Llame al 911, manténgala fresca y tranquila, aparte objetos durante una convulsión y no la sujete. Dé naloxona si no respira o no responde: los estimulantes a menudo vienen mezclados con fentanilo.</translation>
    </message>
    <message>
        <source>Someone waking from naloxone may be sick and upset from sudden withdrawal. Stay calm; tell them what happened and that using more now could cause another overdose.</source>
        <translation>Quien despierta con naloxona puede sentirse mal y alterado por la abstinencia repentina. Mantenga la calma; dígale lo que pasó y que consumir más ahora podría causar otra sobredosis.</translation>
    </message>
    <message>
        <source>Naloxone nasal spray has been sold over the counter since 2023. Most states have Good Samaritan laws that protect people who call 911 for an overdose.</source>
        <translation>El aerosol nasal de naloxona se vende sin receta desde 2023. La mayoría de los estados tienen leyes del Buen Samaritano que protegen a quien llama al 911 por una sobredosis.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Something went wrong that Facilitator did not expect. What you typed has been kept where it could be; please tell your administrator.

The details were written to the log file:
{where}</source>
        <translation>Ocurrió algo que Facilitator no esperaba. Lo que escribió se conservó donde fue posible; avise a su administrador.

Los detalles se escribieron en el archivo de registro:
{where}</translation>
    </message>
    <message>
        <source>Something went wrong that Facilitator did not expect. What you typed has been kept where it could be; please tell your administrator.</source>
        <translation>Ocurrió algo que Facilitator no esperaba. Lo que escribió se conservó donde fue posible; avise a su administrador.</translation>
    </message>
    <message>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
</context>
<context>
    <name>launcher</name>
    <message>
        <source>(from the run record)</source>
        <translation>(del registro de la sesión)</translation>
    </message>
    <message>
        <source>This curriculum is no longer loaded; the run continues from its record.</source>
        <translation>Este currículo ya no está cargado; la sesión continúa desde su registro.</translation>
    </message>
    <message>
        <source>a second run</source>
        <translation>una segunda vez</translation>
    </message>
    <message>
        <source>a third run</source>
        <translation>una tercera vez</translation>
    </message>
    <message>
        <source>a fourth run</source>
        <translation>una cuarta vez</translation>
    </message>
    <message>
        <source>run {number}</source>
        <translation>la vez {number}</translation>
    </message>
    <message>
        <source>from {start} to {end}</source>
        <translation>de {start} a {end}</translation>
    </message>
    <message>
        <source>from {start}</source>
        <translation>desde las {start}</translation>
    </message>
    <message>
        <source>This meeting&apos;s session already ran {span}. Run it again as {ordinal}?

The first run stays in the record as it was.</source>
        <translation>La sesión de esta reunión ya se condujo {span}. ¿Conducirla otra vez, como {ordinal}?

La primera vez queda en el registro tal como fue.</translation>
    </message>
</context>
<context>
    <name>library_html</name>
    <message>
        <source>focus: {focus}</source>
        <translation>enfoque: {focus}</translation>
    </message>
    <message>
        <source>audience: {audience}</source>
        <translation>público: {audience}</translation>
    </message>
    <message>
        <source>language: {language}</source>
        <translation>idioma: {language}</translation>
    </message>
    <message>
        <source>{count} sessions</source>
        <translation>{count} sesiones</translation>
    </message>
    <message>
        <source>shipped with Facilitator</source>
        <translation>incluido con Facilitator</translation>
    </message>
    <message>
        <source>clinic curriculum</source>
        <translation>currículo de la clínica</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>1 handout</source>
        <translation>1 folleto</translation>
    </message>
    <message>
        <source>{count} handouts</source>
        <translation>{count} folletos</translation>
    </message>
    <message>
        <source>&lt;h3&gt;References&lt;/h3&gt;{references}</source>
        <translation>&lt;h3&gt;Referencias&lt;/h3&gt;{references}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sessions&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Sesiones&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:@warning&apos;&gt;This file does not say when its content was last reviewed.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:@warning&apos;&gt;Este archivo no dice cuándo se revisó su contenido por última vez.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:@muted&apos;&gt;Source: {source} ({origin})&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:@muted&apos;&gt;Fuente: {source} ({origin})&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{title} · session {number} of {count}</source>
        <translation>{title} · sesión {number} de {count}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;{minutes} minutes&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;{minutes} minutos&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Objectives&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Objetivos&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Materials&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Materiales&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Agenda&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Agenda&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{n}. {title} &lt;small&gt;({kind}, {minutes} min)&lt;/small&gt;&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;{n}. {title} &lt;small&gt;({kind}, {minutes} min)&lt;/small&gt;&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Facilitator&apos;s script&lt;/b&gt; (your screen only)&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Guion del facilitador&lt;/b&gt; (solo en su pantalla)&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Prompts for the group&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Preguntas para el grupo&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;On the room display:&lt;/b&gt; {display}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;En la pantalla de la sala:&lt;/b&gt; {display}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>{name} {minutes} min</source>
        <translation>{name} {minutes} min</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Role play.&lt;/b&gt; {scenario}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Juego de roles.&lt;/b&gt; {scenario}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each round: {phases}. Rounds: {rounds} (roles rotate each round).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cada ronda: {phases}. Rondas: {rounds} (los roles rotan en cada ronda).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;br/&gt;Watch for: {checklist}</source>
        <translation>&lt;br/&gt;Observe si: {checklist}</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Debrief after the last round&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Reflexión final después de la última ronda&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;hr/&gt;&lt;h2&gt;Handout: {title}&lt;/h2&gt;</source>
        <translation>&lt;hr/&gt;&lt;h2&gt;Folleto: {title}&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Worksheet&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hoja de trabajo&lt;/b&gt;&lt;/p&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>1 line to write on</source>
        <translation>1 línea para escribir</translation>
    </message>
    <message>
        <source>{count} lines to write on</source>
        <translation>{count} líneas para escribir</translation>
    </message>
    <message>
        <source>tick boxes: {items}</source>
        <translation>casillas para marcar: {items}</translation>
    </message>
    <message>
        <source>rating {min} ({low}) to {max} ({high})</source>
        <translation>escala de {min} ({low}) a {max} ({high})</translation>
    </message>
</context>
<context>
    <name>notes_view</name>
    <message>
        <source>&lt;p style=&apos;color:@error&apos;&gt;&lt;b&gt;Entered in error&lt;/b&gt; ({error_at}): {error_reason}&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:@error&apos;&gt;&lt;b&gt;Registrada por error&lt;/b&gt; ({error_at}): {error_reason}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:@error&apos;&gt;(empty)&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:@error&apos;&gt;(vacío)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Signed: {signature} — {signed_at}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Firmada: {signature} — {signed_at}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Co-signed: {cosignature} — {cosigned_at}&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cofirmada: {cosignature} — {cosigned_at}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Addendum&lt;/b&gt; ({created_at}, {signature}):&lt;br&gt;{text}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Adenda&lt;/b&gt; ({created_at}, {signature}):&lt;br&gt;{text}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;History&lt;/h4&gt;&lt;ul&gt;</source>
        <translation>&lt;h4&gt;Historial&lt;/h4&gt;&lt;ul&gt;</translation>
    </message>
    <message>
        <source>Round {round}: signed by {signature} {signed_at}; {outcome}</source>
        <translation>Ronda {round}: firmada por {signature} {signed_at}; {outcome}</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Sesión cerrada</translation>
    </message>
    <message>
        <source>Cannot open the note</source>
        <translation>No se puede abrir la nota</translation>
    </message>
    <message>
        <source>the group note of {group_name} for {meeting_day}</source>
        <translation>la nota grupal de {group_name} del {meeting_day}</translation>
    </message>
    <message>
        <source>{participant_name}&apos;s {note_format} note for {meeting_day}</source>
        <translation>la nota {note_format} de {participant_name} del {meeting_day}</translation>
    </message>
    <message>
        <source>Lock {what}? You sign as {signature}.</source>
        <translation>¿Bloquear {what}? Usted firma como {signature}.</translation>
    </message>
    <message>
        <source>It then goes to your supervisor for co-signature; after that only an addendum can add to it.</source>
        <translation>Después pasa a su supervisor para la cofirma; a partir de ahí solo una adenda puede agregarle algo.</translation>
    </message>
    <message>
        <source>It is then final; only an addendum can add to it.</source>
        <translation>Después es definitiva; solo una adenda puede agregarle algo.</translation>
    </message>
    <message>
        <source>Co-sign {note}, written by {author_name}? You co-sign as {signature}.</source>
        <translation>¿Cofirmar {note}, escrita por {author_name}? Usted cofirma como {signature}.</translation>
    </message>
    <message>
        <source>The note is then final; only an addendum can add to it.</source>
        <translation>Después la nota es definitiva; solo una adenda puede agregarle algo.</translation>
    </message>
    <message>
        <source>• Group note, by {author}</source>
        <translation>• Nota grupal, de {author}</translation>
    </message>
    <message>
        <source>• {participant} ({note_format}), by {author}</source>
        <translation>• {participant} ({note_format}), de {author}</translation>
    </message>
    <message>
        <source>Co-sign these {count} notes of {group_name} for {meeting_day}? You co-sign as {signature}.</source>
        <translation>¿Cofirmar estas {count} notas de {group_name} del {meeting_day}? Usted cofirma como {signature}.</translation>
    </message>
    <message>
        <source>{lines}

Each note is then final; only an addendum can add to it.</source>
        <translation>{lines}

Después cada nota es definitiva; solo una adenda puede agregarle algo.</translation>
    </message>
    <message>
        <source>Observation…</source>
        <translation>Observación…</translation>
    </message>
    <message>
        <source>Note a short, timestamped observation about a participant (O)</source>
        <translation>Anotar una observación breve, con hora, sobre un participante (O)</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Could not save</source>
        <translation>No se pudo guardar</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Trabajando</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Someone else changed this</source>
        <translation>Otra persona cambió esto</translation>
    </message>
    <message>
        <source>Could not load</source>
        <translation>No se pudo cargar</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Check-in ratings  [C]</source>
        <translation>Puntuaciones de la bienvenida  [C]</translation>
    </message>
    <message>
        <source>Enter each attendee&apos;s check-in ratings and mood (C)</source>
        <translation>Ingresar las puntuaciones de la bienvenida y el ánimo de cada asistente (C)</translation>
    </message>
</context>
<context>
    <name>print.billing</name>
    <message>
        <source>Services to bill</source>
        <translation>Servicios por facturar</translation>
    </message>
    <message>
        <source>Services {period}</source>
        <translation>Servicios {period}</translation>
    </message>
    <message>
        <source>Period: {period}. Prepared {day} by {who}.</source>
        <translation>Periodo: {period}. Preparado el {day} por {who}.</translation>
    </message>
    <message>
        <source>Built from attendance and signed progress notes only. Per-diem codes ({codes}) need {hours} attended with signed notes in a day.</source>
        <translation>Elaborado solo a partir de la asistencia y las notas de progreso firmadas. Los códigos por tarifa diaria ({codes}) requieren {hours} de asistencia con notas firmadas en un día.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Totals by code</source>
        <translation>Totales por código</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>No billable services in this period.</source>
        <translation>No hay servicios facturables en este periodo.</translation>
    </message>
    <message>
        <source>Falling short</source>
        <translation>No facturables</translation>
    </message>
    <message>
        <source>Billable services</source>
        <translation>Servicios facturables</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Expediente</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>Rendering</source>
        <translation>Proveedor</translation>
    </message>
    <message>
        <source>Supervising</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Falling short (not billable as recorded)</source>
        <translation>No facturables (tal como están registrados)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Confidential: 42 CFR part 2</source>
        <translation>Confidencial: 42 CFR parte 2</translation>
    </message>
    <message>
        <source>Lists only meetings of groups you lead; a per-diem day counts those meetings only.</source>
        <translation>Incluye solo las reuniones de los grupos que usted dirige; un día por tarifa diaria cuenta solo esas reuniones.</translation>
    </message>
    <message>
        <source>no progress note was written</source>
        <translation>no se escribió una nota de progreso</translation>
    </message>
    <message>
        <source>the progress note was marked entered in error</source>
        <translation>la nota de progreso se marcó como registrada por error</translation>
    </message>
    <message>
        <source>the progress note awaits co-signature</source>
        <translation>la nota de progreso espera la cofirma</translation>
    </message>
    <message>
        <source>the progress note is not signed</source>
        <translation>la nota de progreso no está firmada</translation>
    </message>
    <message>
        <source>Under the per-diem minimum: {attended} attended of {minimum}</source>
        <translation>Por debajo del mínimo de la tarifa diaria: {attended} de asistencia de {minimum}</translation>
    </message>
    <message>
        <source>{attended} attended, none of it with a signed note</source>
        <translation>{attended} de asistencia, nada con nota firmada</translation>
    </message>
    <message>
        <source>{attended} attended, but only {signed} with a signed note (the per-diem minimum is {minimum})</source>
        <translation>{attended} de asistencia, pero solo {signed} con nota firmada (el mínimo de la tarifa diaria es {minimum})</translation>
    </message>
</context>
<context>
    <name>print.common</name>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} al {last}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (continuación)</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Ninguno.</translation>
    </message>
</context>
<context>
    <name>print.letter</name>
    <message>
        <source>{day}, or {event} (whichever comes first)</source>
        <translation>{day}, o {event} (lo que ocurra primero)</translation>
    </message>
    <message>
        <source>{name} (date of birth {born})</source>
        <translation>{name} (fecha de nacimiento {born})</translation>
    </message>
    <message>
        <source>At the participant&apos;s written request, this letter reports on {who}, who began our intensive outpatient program on {start}.</source>
        <translation>A solicitud escrita del participante, esta carta informa sobre {who}, quien comenzó nuestro programa ambulatorio intensivo el {start}.</translation>
    </message>
    <message>
        <source>Our records show that the participant completed the program on {day}.</source>
        <translation>Nuestros registros muestran que el participante completó el programa el {day}.</translation>
    </message>
    <message>
        <source>Our records show that the participant completed the program.</source>
        <translation>Nuestros registros muestran que el participante completó el programa.</translation>
    </message>
    <message>
        <source>From {first} to {last} the participant attended {attended} of {held} group meetings recorded, {hours} in all.</source>
        <translation>Del {first} al {last}, el participante asistió a {attended} de {held} reuniones de grupo registradas, {hours} en total.</translation>
    </message>
    <message>
        <source>Confidential: 42 CFR part 2</source>
        <translation>Confidencial: 42 CFR parte 2</translation>
    </message>
    <message>
        <source>To: {name} ({kind})</source>
        <translation>Para: {name} ({kind})</translation>
    </message>
    <message>
        <source>Re: {name}, record {record}</source>
        <translation>Asunto: {name}, expediente {record}</translation>
    </message>
    <message>
        <source>This letter is sent under the participant&apos;s written consent signed on {signed} (consent {id}), for this purpose: {purpose}. The consent lasts until {until}, unless revoked.</source>
        <translation>Esta carta se envía con el consentimiento por escrito del participante firmado el {signed} (consentimiento {id}), con este propósito: {purpose}. El consentimiento es válido hasta {until}, salvo que se revoque.</translation>
    </message>
    <message>
        <source>Meetings attended</source>
        <translation>Reuniones a las que asistió</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Time attended</source>
        <translation>Tiempo de asistencia</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Sincerely,</source>
        <translation>Atentamente,</translation>
    </message>
    <message>
        <source>These figures count only the groups led by the staff member who wrote this letter.</source>
        <translation>Estas cifras cuentan solo los grupos que dirige el miembro del personal que escribió esta carta.</translation>
    </message>
</context>
<context>
    <name>print.myprogress</name>
    <message>
        <source>Thank you for the work you are putting in. Talk with your counselor about anything here.</source>
        <translation>Gracias por el esfuerzo que está haciendo. Hable con su consejero sobre cualquier cosa de esta página.</translation>
    </message>
    <message>
        <source>You came to group for {hours} hours in this time.</source>
        <translation>Vino al grupo durante {hours} horas en este tiempo.</translation>
    </message>
    <message>
        <source>You met your weekly goal of {target} hours in {met} of {weeks} weeks.</source>
        <translation>Cumplió su meta semanal de {target} horas en {met} de {weeks} semanas.</translation>
    </message>
    <message>
        <source>Your craving went down, from {a} to {b} out of 10.</source>
        <translation>Su deseo de consumo bajó, de {a} a {b} sobre 10.</translation>
    </message>
    <message>
        <source>Your craving went up, from {a} to {b} out of 10. That is worth talking about.</source>
        <translation>Su deseo de consumo subió, de {a} a {b} sobre 10. Vale la pena hablarlo.</translation>
    </message>
    <message>
        <source>Your craving stayed at {b} out of 10.</source>
        <translation>Su deseo de consumo se mantuvo en {b} sobre 10.</translation>
    </message>
    <message>
        <source>You rated your craving {a} out of 10.</source>
        <translation>Calificó su deseo de consumo con {a} sobre 10.</translation>
    </message>
    <message>
        <source>You went to 1 support meeting outside of group.</source>
        <translation>Fue a 1 reunión de apoyo fuera del grupo.</translation>
    </message>
    <message>
        <source>You went to {total} support meetings outside of group.</source>
        <translation>Fue a {total} reuniones de apoyo fuera del grupo.</translation>
    </message>
    <message>
        <source>mood</source>
        <translation>estado de ánimo</translation>
    </message>
    <message>
        <source>worry</source>
        <translation>preocupación</translation>
    </message>
    <message>
        <source>Your {name} questionnaire score went down, from {a} to {b}: lower is better.</source>
        <translation>Su puntaje en el cuestionario de {name} bajó, de {a} a {b}: más bajo es mejor.</translation>
    </message>
    <message>
        <source>Your {name} questionnaire score went up, from {a} to {b}: lower is better.</source>
        <translation>Su puntaje en el cuestionario de {name} subió, de {a} a {b}: más bajo es mejor.</translation>
    </message>
    <message>
        <source>There is not much recorded yet for this time.</source>
        <translation>Todavía no hay mucho registrado para este tiempo.</translation>
    </message>
    <message>
        <source>My progress</source>
        <translation>Mi progreso</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>Del {first} al {last}</translation>
    </message>
</context>
<context>
    <name>print.notes</name>
    <message>
        <source>Progress notes</source>
        <translation>Notas de progreso</translation>
    </message>
    <message>
        <source>Group session notes</source>
        <translation>Notas de la sesión de grupo</translation>
    </message>
    <message>
        <source>Group note</source>
        <translation>Nota de grupo</translation>
    </message>
    <message>
        <source>{name} (record {record})</source>
        <translation>{name} (expediente {record})</translation>
    </message>
    <message>
        <source>{legal} ({preferred}), record {record}</source>
        <translation>{legal} ({preferred}), expediente {record}</translation>
    </message>
    <message>
        <source>{group}, meeting of {day}</source>
        <translation>{group}, reunión del {day}</translation>
    </message>
    <message>
        <source>ENTERED IN ERROR ({when}): {reason}</source>
        <translation>REGISTRADA POR ERROR ({when}): {reason}</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} por {who}</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>{count} signed note(s)</source>
        <translation>{count} nota(s) firmada(s)</translation>
    </message>
    <message>
        <source>; {count} unsigned draft(s) not included</source>
        <translation>; {count} borrador(es) sin firmar no incluido(s)</translation>
    </message>
    <message>
        <source>No signed notes in this period.</source>
        <translation>No hay notas firmadas en este periodo.</translation>
    </message>
    <message>
        <source>Signed: {signature}</source>
        <translation>Firmada: {signature}</translation>
    </message>
    <message>
        <source>Co-signed: {signature}</source>
        <translation>Cofirmada: {signature}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <source>Addendum, {when}, {signature}</source>
        <translation>Adenda, {when}, {signature}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
</context>
<context>
    <name>print.privacy</name>
    <message>
        <source>Notice to accompany disclosure (42 CFR 2.32)</source>
        <translation>Aviso que acompaña a la divulgación (42 CFR 2.32)</translation>
    </message>
    <message>
        <source>This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). These rules prohibit you from using or disclosing this record, or testimony that describes the information contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, State, or local authority, against the patient, unless authorized by the consent of the patient, except as provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. (ii) You are a covered entity or business associate and have received the record for treatment, payment, or health care operations, or (iii) You have received the record from a covered entity or business associate as permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other information is NOT sufficient to meet the required elements of written consent to further use or redisclose the record (see 42 CFR 2.31).</source>
        <translation>Este expediente que se le ha divulgado está protegido por las normas federales de confidencialidad (42 CFR parte 2). Estas normas le prohíben usar o divulgar este expediente, o testimonios que describan la información contenida en este expediente, en cualquier procedimiento civil, penal, administrativo o legislativo de cualquier autoridad federal, estatal o local, en contra del paciente, a menos que lo autorice el consentimiento del paciente, salvo lo dispuesto en 42 CFR 2.12(c)(5) o lo que autorice un tribunal de conformidad con 42 CFR 2.64 o 2.65. Además, las normas federales le prohíben hacer cualquier otro uso o divulgación de este expediente a menos que se cumpla al menos una de las siguientes condiciones: (i) El uso o la divulgación posterior está expresamente permitido por el consentimiento por escrito de la persona cuya información se divulga en este expediente o está permitido de otro modo por 42 CFR parte 2. (ii) Usted es una entidad cubierta o un socio comercial y ha recibido el expediente para tratamiento, pago u operaciones de atención médica, o (iii) Usted ha recibido el expediente de una entidad cubierta o de un socio comercial según lo permite 45 CFR parte 164, subpartes A y E. Una autorización general para la divulgación de información médica o de otro tipo NO es suficiente para cumplir los elementos requeridos del consentimiento por escrito para usar o volver a divulgar el expediente (véase 42 CFR 2.31).</translation>
    </message>
    <message>
        <source>42 CFR part 2 prohibits unauthorized use or disclosure of these records.</source>
        <translation>42 CFR parte 2 prohíbe el uso o la divulgación no autorizados de estos expedientes.</translation>
    </message>
    <message>
        <source>CONFIDENTIAL: protected by 42 CFR part 2 and HIPAA</source>
        <translation>CONFIDENCIAL: protegido por 42 CFR parte 2 y HIPAA</translation>
    </message>
</context>
<context>
    <name>print.progress</name>
    <message>
        <source>Weekly hours target</source>
        <translation>Meta de horas semanales</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} horas</translation>
    </message>
    <message>
        <source>{moment} (clinic time, {zone})</source>
        <translation>{moment} (hora de la clínica, {zone})</translation>
    </message>
    <message>
        <source>PHQ-9 item 9 answered above &apos;Not at all&apos; on {day}</source>
        <translation>Pregunta 9 del PHQ-9 respondida por encima de «Ningún día» el {day}</translation>
    </message>
    <message>
        <source>: not yet acknowledged.</source>
        <translation>: aún sin confirmar.</translation>
    </message>
    <message>
        <source>; acknowledged by {who} {when}</source>
        <translation>; confirmado por {who} {when}</translation>
    </message>
    <message>
        <source>; resolved by {who} {when}</source>
        <translation>; resuelto por {who} {when}</translation>
    </message>
    <message>
        <source>on {moment}</source>
        <translation>el {moment}</translation>
    </message>
    <message>
        <source>Hours attended per week</source>
        <translation>Horas de asistencia por semana</translation>
    </message>
    <message>
        <source>Craving at check-in (0–10)</source>
        <translation>Deseo de consumo al registrarse (0–10)</translation>
    </message>
    <message>
        <source>Drug screens</source>
        <translation>Pruebas de detección de drogas</translation>
    </message>
    <message>
        <source>Mutual-help meetings per week</source>
        <translation>Reuniones de ayuda mutua por semana</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>horas</translation>
    </message>
    <message>
        <source>craving</source>
        <translation>deseo</translation>
    </message>
    <message>
        <source>score</source>
        <translation>puntaje</translation>
    </message>
    <message>
        <source>meetings</source>
        <translation>reuniones</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Lunes</translation>
    </message>
    <message>
        <source>Attended (h:mm)</source>
        <translation>Asistidas (h:mm)</translation>
    </message>
    <message>
        <source>Target (h:mm)</source>
        <translation>Meta (h:mm)</translation>
    </message>
    <message>
        <source>Against target</source>
        <translation>Frente a la meta</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Craving</source>
        <translation>Deseo de consumo</translation>
    </message>
    <message>
        <source>Mood</source>
        <translation>Ánimo</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Recolección</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detalle</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>por debajo de la meta</translation>
    </message>
    <message>
        <source>met target</source>
        <translation>meta cumplida</translation>
    </message>
    <message>
        <source>nothing scheduled</source>
        <translation>nada programado</translation>
    </message>
    <message>
        <source>below</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativo</translation>
    </message>
    <message>
        <source>expected positive</source>
        <translation>positivo esperado</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>no válido</translation>
    </message>
    <message>
        <source>unexpected positive</source>
        <translation>positivo inesperado</translation>
    </message>
    <message>
        <source>observed</source>
        <translation>observada</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>no observada</translation>
    </message>
    <message>
        <source>minimal</source>
        <translation>mínima</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>moderately severe</source>
        <translation>moderadamente grave</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>target {hours} h</source>
        <translation>meta {hours} h</translation>
    </message>
    <message>
        <source>Nothing recorded in this period.</source>
        <translation>No hay nada registrado en este periodo.</translation>
    </message>
    <message>
        <source>No attendance in this period.</source>
        <translation>No hay asistencia en este periodo.</translation>
    </message>
    <message>
        <source>No group meetings scheduled in this period.</source>
        <translation>No hay reuniones de grupo programadas en este periodo.</translation>
    </message>
    <message>
        <source>Met the weekly target in {met} of {weeks} weeks with meetings.</source>
        <translation>Cumplió la meta semanal en {met} de {weeks} semanas con reuniones.</translation>
    </message>
    <message>
        <source>No craving ratings in this period.</source>
        <translation>No hay calificaciones de deseo de consumo en este periodo.</translation>
    </message>
    <message>
        <source>One craving rating: {value} of 10.</source>
        <translation>Una calificación de deseo de consumo: {value} de 10.</translation>
    </message>
    <message>
        <source>Craving down: {a} of 10 on {first}, {b} of 10 on {last}.</source>
        <translation>Deseo de consumo a la baja: {a} de 10 el {first}, {b} de 10 el {last}.</translation>
    </message>
    <message>
        <source>Craving up: {a} of 10 on {first}, {b} of 10 on {last}.</source>
        <translation>Deseo de consumo al alza: {a} de 10 el {first}, {b} de 10 el {last}.</translation>
    </message>
    <message>
        <source>Craving unchanged: {a} of 10 on {first}, {b} of 10 on {last}.</source>
        <translation>Deseo de consumo sin cambios: {a} de 10 el {first}, {b} de 10 el {last}.</translation>
    </message>
    <message>
        <source>No {name} in this period.</source>
        <translation>No hay {name} en este periodo.</translation>
    </message>
    <message>
        <source>out of range</source>
        <translation>fuera de rango</translation>
    </message>
    <message>
        <source>Latest {name}: {total} ({band}) on {day}, from {first_total} on {first_day}.</source>
        <translation>Último {name}: {total} ({band}) el {day}, desde {first_total} el {first_day}.</translation>
    </message>
    <message>
        <source>Latest {name}: {total} ({band}) on {day}.</source>
        <translation>Último {name}: {total} ({band}) el {day}.</translation>
    </message>
    <message>
        <source>{name} total (0–{top})</source>
        <translation>{name} total (0–{top})</translation>
    </message>
    <message>
        <source>No drug screens in this period.</source>
        <translation>No hay pruebas de detección de drogas en este periodo.</translation>
    </message>
    <message>
        <source>1 screen, {unexpected} unexpected positive.</source>
        <translation>1 prueba, {unexpected} positivo(s) inesperado(s).</translation>
    </message>
    <message>
        <source>{count} screens, {unexpected} unexpected positive.</source>
        <translation>{count} pruebas, {unexpected} positivo(s) inesperado(s).</translation>
    </message>
    <message>
        <source>{days} days since the last unexpected positive.</source>
        <translation>{days} días desde el último positivo inesperado.</translation>
    </message>
    <message>
        <source>No mutual-help meetings reported in this period.</source>
        <translation>No se informaron reuniones de ayuda mutua en este periodo.</translation>
    </message>
    <message>
        <source>1 mutual-help meeting reported over {weeks} weeks.</source>
        <translation>1 reunión de ayuda mutua informada en {weeks} semanas.</translation>
    </message>
    <message>
        <source>{total} mutual-help meetings reported over {weeks} weeks.</source>
        <translation>{total} reuniones de ayuda mutua informadas en {weeks} semanas.</translation>
    </message>
    <message>
        <source>Progress report</source>
        <translation>Informe de progreso</translation>
    </message>
    <message>
        <source>Confidential: 42 CFR part 2</source>
        <translation>Confidencial: 42 CFR parte 2</translation>
    </message>
    <message>
        <source>Progress {period}</source>
        <translation>Progreso {period}</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>PHQ-9 © Pfizer Inc., free to use (Kroenke, Spitzer &amp; Williams 2001); GAD-7 © Pfizer Inc., free to use (Spitzer et al. 2006). Severity bands are the published ones. Screening results are read against the medications the participant is expected to test positive for.</source>
        <translation>PHQ-9 © Pfizer Inc., de uso libre (Kroenke, Spitzer y Williams 2001); GAD-7 © Pfizer Inc., de uso libre (Spitzer et al. 2006). Los rangos de gravedad son los publicados. Los resultados de las pruebas se leen según los medicamentos para los que se espera que el participante dé positivo.</translation>
    </message>
</context>
<context>
    <name>print.report</name>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registro</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Presente</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Llegó tarde</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>Salió temprano</translation>
    </message>
    <message>
        <source>Absent, excused</source>
        <translation>Ausencia justificada</translation>
    </message>
    <message>
        <source>Absent, unexcused</source>
        <translation>Ausencia injustificada</translation>
    </message>
    <message>
        <source>Attendance report</source>
        <translation>Informe de asistencia</translation>
    </message>
    <message>
        <source>Confidential: 42 CFR part 2</source>
        <translation>Confidencial: 42 CFR parte 2</translation>
    </message>
    <message>
        <source>Attendance {period}</source>
        <translation>Asistencia {period}</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Record number</source>
        <translation>Número de expediente</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Weekly hours target</source>
        <translation>Meta de horas semanales</translation>
    </message>
    <message>
        <source>Meetings attended</source>
        <translation>Reuniones a las que asistió</translation>
    </message>
    <message>
        <source>{attended} of {held} held</source>
        <translation>{attended} de {held} realizadas</translation>
    </message>
    <message>
        <source>Total time attended</source>
        <translation>Tiempo total de asistencia</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>Preparado</translation>
    </message>
    <message>
        <source>{day} (times are clinic time, {zone})</source>
        <translation>{day} (horas de la clínica, {zone})</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Grupos</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Reuniones</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Llegada</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Previstos</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistidos</translation>
    </message>
    <message>
        <source>No meetings in this period.</source>
        <translation>No hay reuniones en este periodo.</translation>
    </message>
    <message>
        <source>Hours by week (Monday to Sunday)</source>
        <translation>Horas por semana (de lunes a domingo)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Fechas</translation>
    </message>
    <message>
        <source>Level of care</source>
        <translation>Nivel de atención</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Previstas</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Days at daily minimum</source>
        <translation>Días con el mínimo diario</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>por debajo de la meta</translation>
    </message>
    <message>
        <source>{hours}+ hours</source>
        <translation>{hours}+ horas</translation>
    </message>
    <message>
        <source>Planned and Attended are minutes. Attended minutes count from the meeting&apos;s actual start and end and the participant&apos;s arrival and departure. Weeks below the target, or at {hours} hours or more, are flagged.</source>
        <translation>Previstos y Asistidos están en minutos. Los minutos asistidos se cuentan desde el inicio y el fin reales de la reunión y la llegada y salida del participante. Se marcan las semanas por debajo de la meta o con {hours} horas o más.</translation>
    </message>
    <message>
        <source>{hours} hours</source>
        <translation>{hours} horas</translation>
    </message>
    <message>
        <source>follows the level of care: {targets}</source>
        <translation>según el nivel de atención: {targets}</translation>
    </message>
    <message>
        <source>Lists only meetings of groups you lead; the hours count those meetings only.</source>
        <translation>Incluye solo las reuniones de los grupos que usted dirige; las horas cuentan solo esas reuniones.</translation>
    </message>
</context>
<context>
    <name>print.safety</name>
    <message>
        <source>Facilitator safety protocol</source>
        <translation>Protocolo de seguridad del facilitador</translation>
    </message>
    <message>
        <source>For facilitators</source>
        <translation>Para facilitadores</translation>
    </message>
    <message>
        <source>{title} · reviewed {reviewed}</source>
        <translation>{title} · revisado {reviewed}</translation>
    </message>
    <message>
        <source>Keep in mind</source>
        <translation>Tenga en cuenta</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
</context>
<context>
    <name>print.signin</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Hoja de firmas</translation>
    </message>
    <message>
        <source>Group sign-in</source>
        <translation>Firmas del grupo</translation>
    </message>
    <message>
        <source>Please sign on the line with your name. If your name is not listed, write it on a blank line.</source>
        <translation>Por favor, firme en la línea de su nombre. Si su nombre no aparece, escríbalo en una línea en blanco.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>Session {number}: {title}</source>
        <translation>Sesión {number}: {title}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (continuación)</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Workbook</source>
        <translation>Cuaderno de trabajo</translation>
    </message>
    <message>
        <source>Facilitator guide</source>
        <translation>Guía del facilitador</translation>
    </message>
    <message>
        <source>For the facilitator: not a participant handout.</source>
        <translation>Para el facilitador: no es un folleto para los participantes.</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>Materiales</translation>
    </message>
    <message>
        <source>Handouts</source>
        <translation>Folletos</translation>
    </message>
    <message>
        <source>This session has no handouts.</source>
        <translation>Esta sesión no tiene folletos.</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Guion</translation>
    </message>
    <message>
        <source>Questions for the group</source>
        <translation>Preguntas para el grupo</translation>
    </message>
    <message>
        <source>On the room display</source>
        <translation>En la pantalla de la sala</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Situación</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>One round</source>
        <translation>Una ronda</translation>
    </message>
    <message>
        <source>{rounds} rounds; roles rotate each round.</source>
        <translation>{rounds} rondas; los roles rotan en cada ronda.</translation>
    </message>
    <message>
        <source>One round.</source>
        <translation>Una ronda.</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Reflexión final</translation>
    </message>
    <message>
        <source>Role cards</source>
        <translation>Tarjetas de roles</translation>
    </message>
    <message>
        <source>Cut along the dashed lines: one card for each player.</source>
        <translation>Recorte por las líneas discontinuas: una tarjeta para cada participante.</translation>
    </message>
    <message>
        <source>Role play: {title}</source>
        <translation>Juego de roles: {title}</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Su rol</translation>
    </message>
    <message>
        <source>Watch for</source>
        <translation>Observe si</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>This page is left blank.</source>
        <translation>Esta página se deja en blanco.</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>Teaching</source>
        <translation>Enseñanza</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Conversación</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Role play</source>
        <translation>Juego de roles</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Descanso</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Participant handouts</source>
        <translation>Folletos para participantes</translation>
    </message>
    <message>
        <source>Participant workbook</source>
        <translation>Cuaderno de trabajo del participante</translation>
    </message>
</context>
<context>
    <name>safety_dialog</name>
    <message>
        <source>&lt;h3&gt;Keep in mind&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Tenga en cuenta&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Safety protocol  [{key}]</source>
        <translation>Protocolo de seguridad  [{key}]</translation>
    </message>
    <message>
        <source>What to do if someone arrives intoxicated, talks about suicide, or overdoses ({key})</source>
        <translation>Qué hacer si alguien llega intoxicado, habla de suicidio o sufre una sobredosis ({key})</translation>
    </message>
    <message>
        <source>Open the safety protocol on your screen only</source>
        <translation>Abrir el protocolo de seguridad solo en su pantalla</translation>
    </message>
</context>
<context>
    <name>session</name>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>{title} could not be opened because the database did not answer; the log has the details.</source>
        <translation>No se pudo abrir {title} porque la base de datos no respondió; el registro tiene los detalles.</translation>
    </message>
</context>
<context>
    <name>session_menus</name>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Copia de seguridad de la base de datos…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Change &amp;password…</source>
        <translation>Cambiar con&amp;traseña…</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>Cambiar de &amp;usuario…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Admin</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <source>&amp;Accounts…</source>
        <translation>&amp;Cuentas…</translation>
    </message>
    <message>
        <source>Audit &amp;trail…</source>
        <translation>&amp;Registro de auditoría…</translation>
    </message>
</context>
<context>
    <name>settings_dialog</name>
    <message>
        <source>Language of this workstation</source>
        <translation>Idioma de esta estación de trabajo</translation>
    </message>
    <message>
        <source>The system&apos;s language ({language})</source>
        <translation>El idioma del sistema ({language})</translation>
    </message>
    <message>
        <source>The language of Facilitator&apos;s screens on this computer. The room display and handouts speak each curriculum&apos;s own language.</source>
        <translation>El idioma de las pantallas de Facilitator en esta computadora. La pantalla de la sala y los folletos usan el idioma de cada currículo.</translation>
    </message>
</context>
<context>
    <name>store.access</name>
    <message>
        <source>That meeting no longer exists.</source>
        <translation>Esa reunión ya no existe.</translation>
    </message>
</context>
<context>
    <name>store.accounts</name>
    <message>
        <source>The user name or password is not right.</source>
        <translation>El nombre de usuario o la contraseña no son correctos.</translation>
    </message>
    <message>
        <source>A user name has 2 to 64 characters: lowercase letters, digits, dots, dashes or underscores, starting with a letter or digit.</source>
        <translation>Un nombre de usuario tiene de 2 a 64 caracteres: letras minúsculas, dígitos, puntos, guiones o guiones bajos, y empieza con una letra o un dígito.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: try again in {minutes} minutes, or ask an administrator to reset the password.</source>
        <translation>Demasiadas contraseñas incorrectas: intente de nuevo en {minutes} minutos o pida a un administrador que restablezca la contraseña.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: try again in a minute, or ask an administrator to reset the password.</source>
        <translation>Demasiadas contraseñas incorrectas: intente de nuevo en un minuto o pida a un administrador que restablezca la contraseña.</translation>
    </message>
    <message>
        <source>The clinic needs at least one active administrator; create another one first.</source>
        <translation>La clínica necesita al menos un administrador activo; cree otro primero.</translation>
    </message>
    <message>
        <source>{role!r} is not a role; choose facilitator, supervisor or administrator.</source>
        <translation>{role!r} no es un rol; elija facilitator, supervisor o administrator.</translation>
    </message>
    <message>
        <source>There is no account number {user_id}.</source>
        <translation>No existe la cuenta número {user_id}.</translation>
    </message>
    <message>
        <source>Please give the administrator&apos;s full name.</source>
        <translation>Escriba el nombre completo del administrador.</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Esta cuenta está desactivada; consulte a un administrador.</translation>
    </message>
    <message>
        <source>This account cannot sign in just now; try again in a few minutes or ask an administrator.</source>
        <translation>Esta cuenta no puede iniciar sesión en este momento; intente de nuevo en unos minutos o consulte a un administrador.</translation>
    </message>
    <message>
        <source>This account has been disabled; please sign in again.</source>
        <translation>Esta cuenta fue desactivada; inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>La contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>La contraseña nueva debe ser distinta de la actual.</translation>
    </message>
    <message>
        <source>Please give the person&apos;s full name.</source>
        <translation>Escriba el nombre completo de la persona.</translation>
    </message>
    <message>
        <source>This clinic already has accounts; ask an administrator to create yours.</source>
        <translation>Esta clínica ya tiene cuentas; pida a un administrador que cree la suya.</translation>
    </message>
    <message>
        <source>There is no account with the user name {username!r}.</source>
        <translation>No hay ninguna cuenta con el nombre de usuario {username!r}.</translation>
    </message>
    <message>
        <source>The user name {name!r} is taken; accounts are never deleted, so choose another.</source>
        <translation>El nombre de usuario {name!r} ya está en uso; las cuentas nunca se eliminan, así que elija otro.</translation>
    </message>
    <message>
        <source>You cannot disable your own account; another administrator can.</source>
        <translation>No puede desactivar su propia cuenta; otro administrador puede hacerlo.</translation>
    </message>
    <message>
        <source>A full name cannot be empty.</source>
        <translation>El nombre completo no puede estar vacío.</translation>
    </message>
</context>
<context>
    <name>store.attendance</name>
    <message>
        <source>Someone else</source>
        <translation>Otra persona</translation>
    </message>
    <message>
        <source>{names} and {last}</source>
        <translation>{names} y {last}</translation>
    </message>
    <message>
        <source>{who} changed the attendance of {people}, after you opened the sheet. Nothing was saved: reload to see their marks, or save yours over them.</source>
        <translation>{who} cambió la asistencia de {people} después de que usted abrió la hoja. No se guardó nada: vuelva a cargarla para ver sus marcas o guarde las suyas encima.</translation>
    </message>
    <message>
        <source>{who} changed the attendance of {people} at {time} on {day} {month}, after you opened the sheet. Nothing was saved: reload to see their marks, or save yours over them.</source>
        <translation>{who} cambió la asistencia de {people} a las {time} del {day} {month}, después de que usted abrió la hoja. No se guardó nada: vuelva a cargarla para ver sus marcas o guarde las suyas encima.</translation>
    </message>
    <message>
        <source>someone on this sheet</source>
        <translation>alguien de esta hoja</translation>
    </message>
    <message>
        <source>That group no longer exists.</source>
        <translation>Ese grupo ya no existe.</translation>
    </message>
    <message>
        <source>A meeting lasts between 1 minute and 24 hours.</source>
        <translation>Una reunión dura entre 1 minuto y 24 horas.</translation>
    </message>
    <message>
        <source>Say why the meeting is cancelled; the reason goes in the record.</source>
        <translation>Indique por qué se cancela la reunión; el motivo queda en el registro.</translation>
    </message>
    <message>
        <source>That meeting no longer exists.</source>
        <translation>Esa reunión ya no existe.</translation>
    </message>
    <message>
        <source>A person is marked twice in one save; check the sheet.</source>
        <translation>Una persona está marcada dos veces en un mismo guardado; revise la hoja.</translation>
    </message>
    <message>
        <source>This meeting was cancelled; reinstate it before taking attendance.</source>
        <translation>Esta reunión fue cancelada; reactívela antes de tomar asistencia.</translation>
    </message>
    <message>
        <source>{name} already meets at {start:%H:%M} on {day}.</source>
        <translation>{name} ya tiene reunión a las {start:%H:%M} el {day}.</translation>
    </message>
    <message>
        <source>Attendance has been taken for this meeting, so it cannot be cancelled.</source>
        <translation>Ya se tomó asistencia en esta reunión, así que no se puede cancelar.</translation>
    </message>
    <message>
        <source>Each attendance mark is for one participant or one visitor.</source>
        <translation>Cada marca de asistencia es para un participante o un visitante.</translation>
    </message>
    <message>
        <source>A departure time is before the arrival time; check the times typed.</source>
        <translation>Una hora de salida es anterior a la hora de llegada; revise las horas escritas.</translation>
    </message>
    <message>
        <source>That run is not a run of this meeting.</source>
        <translation>Esa sesión conducida no pertenece a esta reunión.</translation>
    </message>
    <message>
        <source>That run has not ended, so it has no times to offer.</source>
        <translation>Esa sesión conducida no ha terminado, así que no tiene horas que ofrecer.</translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation>Ese participante ya no existe.</translation>
    </message>
    <message>
        <source>Choose a participant for the report.</source>
        <translation>Elija un participante para el informe.</translation>
    </message>
</context>
<context>
    <name>store.audit</name>
    <message>
        <source>the trail&apos;s head record is missing: entries at the end may have been deleted.</source>
        <translation>falta el registro de cabecera del registro de auditoría: es posible que se hayan eliminado entradas al final.</translation>
    </message>
    <message>
        <source>the trail&apos;s head record had been deleted; Facilitator {detail}.</source>
        <translation>el registro de cabecera del registro de auditoría se había eliminado; Facilitator {detail}.</translation>
    </message>
</context>
<context>
    <name>store.backup</name>
    <message>
        <source>This clinic&apos;s database is on a PostgreSQL server; back it up and restore it with the server&apos;s tools (pg_dump and pg_restore).</source>
        <translation>La base de datos de esta clínica está en un servidor PostgreSQL; haga la copia de seguridad y la restauración con las herramientas del servidor (pg_dump y pg_restore).</translation>
    </message>
    <message>
        <source>An in-memory database cannot be backed up.</source>
        <translation>No se puede hacer copia de seguridad de una base de datos en memoria.</translation>
    </message>
    <message>
        <source>There is no database at {source} to back up.</source>
        <translation>No hay ninguna base de datos en {source} para copiar.</translation>
    </message>
    <message>
        <source>A backup cannot overwrite the database it copies; choose another file name.</source>
        <translation>Una copia de seguridad no puede sobrescribir la base de datos que copia; elija otro nombre de archivo.</translation>
    </message>
    <message>
        <source>{target} is a folder; give a file name for the backup.</source>
        <translation>{target} es una carpeta; indique un nombre de archivo para la copia de seguridad.</translation>
    </message>
    <message>
        <source>The copy failed its integrity check ({problem}); nothing was kept.</source>
        <translation>La copia no pasó la comprobación de integridad ({problem}); no se guardó nada.</translation>
    </message>
    <message>
        <source>There is no backup file at {shown_path}.</source>
        <translation>No hay ningún archivo de copia de seguridad en {shown_path}.</translation>
    </message>
    <message>
        <source>The digest file {name} is missing beside the backup, so its integrity cannot be checked.</source>
        <translation>Falta el archivo de resumen {name} junto a la copia de seguridad, así que no se puede comprobar su integridad.</translation>
    </message>
    <message>
        <source>The backup {name} does not match its SHA-256 digest: the file is damaged or was changed, so it was not restored.</source>
        <translation>La copia de seguridad {name} no coincide con su resumen SHA-256: el archivo está dañado o fue modificado, así que no se restauró.</translation>
    </message>
    <message>
        <source>The backup {name} is not a sound database ({problem}); it was not restored.</source>
        <translation>La copia de seguridad {name} no es una base de datos íntegra ({problem}); no se restauró.</translation>
    </message>
    <message>
        <source>The backup {name} was made by a newer or unknown version of Facilitator (schema {schema}); update Facilitator before restoring it.</source>
        <translation>La copia de seguridad {name} se hizo con una versión más nueva o desconocida de Facilitator (esquema {schema}); actualice Facilitator antes de restaurarla.</translation>
    </message>
    <message>
        <source>The restore could not be finished: {exc}.</source>
        <translation>No se pudo terminar la restauración: {exc}.</translation>
    </message>
    <message>
        <source>The damaged database could not be set aside: {problem}; nothing was restored.</source>
        <translation>No se pudo apartar la base de datos dañada: {problem}; no se restauró nada.</translation>
    </message>
    <message>
        <source>The restore could not be finished: {exc}. The previous database is kept at {path}.</source>
        <translation>No se pudo terminar la restauración: {exc}. La base de datos anterior se conserva en {path}.</translation>
    </message>
    <message>
        <source>The backup and the database are the same file.</source>
        <translation>La copia de seguridad y la base de datos son el mismo archivo.</translation>
    </message>
    <message>
        <source>The backup could not be written to {shown_path}: {os_problem}.</source>
        <translation>No se pudo escribir la copia de seguridad en {shown_path}: {os_problem}.</translation>
    </message>
    <message>
        <source>The database could not be copied: {exc}.</source>
        <translation>No se pudo copiar la base de datos: {exc}.</translation>
    </message>
    <message>
        <source>The backup {shown_path} cannot be read: {os_problem}.</source>
        <translation>No se puede leer la copia de seguridad {shown_path}: {os_problem}.</translation>
    </message>
    <message>
        <source>The digest file {name} cannot be read.</source>
        <translation>No se puede leer el archivo de resumen {name}.</translation>
    </message>
    <message>
        <source>The restore could not be finished: {os_problem}.</source>
        <translation>No se pudo terminar la restauración: {os_problem}.</translation>
    </message>
    <message>
        <source>The file {name} is not a Facilitator backup (it has no {missing} table).</source>
        <translation>El archivo {name} no es una copia de seguridad de Facilitator (no tiene la tabla {missing}).</translation>
    </message>
</context>
<context>
    <name>store.care</name>
    <message>
        <source>This discharge summary is {label} and cannot be signed again.</source>
        <translation>Este resumen de alta no se puede firmar de nuevo (estado: {label}).</translation>
    </message>
    <message>
        <source>Only a discharge summary awaiting co-signature can be co-signed; this one is {label}.</source>
        <translation>Solo se puede cofirmar un resumen de alta en espera de cofirma; el estado de este es «{label}».</translation>
    </message>
    <message>
        <source>Only a discharge summary awaiting co-signature can be returned; this one is {label}.</source>
        <translation>Solo se puede devolver un resumen de alta en espera de cofirma; el estado de este es «{label}».</translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation>Ese participante ya no existe.</translation>
    </message>
    <message>
        <source>Give the reason the level change was entered in error.</source>
        <translation>Indique el motivo por el que el cambio de nivel se registró por error.</translation>
    </message>
    <message>
        <source>The reason can be at most {reason_max} characters.</source>
        <translation>El motivo puede tener como máximo {reason_max} caracteres.</translation>
    </message>
    <message>
        <source>That discharge no longer exists.</source>
        <translation>Esa alta ya no existe.</translation>
    </message>
    <message>
        <source>The discharge summary has a field Facilitator does not know.</source>
        <translation>El resumen de alta tiene un campo que Facilitator no reconoce.</translation>
    </message>
    <message>
        <source>Say what needs changing before returning the discharge summary.</source>
        <translation>Indique qué hay que cambiar antes de devolver el resumen de alta.</translation>
    </message>
    <message>
        <source>The comment can be at most 2,000 characters.</source>
        <translation>El comentario puede tener como máximo 2,000 caracteres.</translation>
    </message>
    <message>
        <source>This participant is no longer in the program; their level of care cannot change.</source>
        <translation>Este participante ya no está en el programa; su nivel de atención no puede cambiar.</translation>
    </message>
    <message>
        <source>That level change no longer exists.</source>
        <translation>Ese cambio de nivel ya no existe.</translation>
    </message>
    <message>
        <source>This level change is already marked entered in error.</source>
        <translation>Este cambio de nivel ya está marcado como registrado por error.</translation>
    </message>
    <message>
        <source>A discharge is written by a signed-in clinician.</source>
        <translation>Un alta la redacta un clínico que haya iniciado sesión.</translation>
    </message>
    <message>
        <source>This participant has already left the program.</source>
        <translation>Este participante ya salió del programa.</translation>
    </message>
    <message>
        <source>The discharge date cannot be before the program start ({program_start}).</source>
        <translation>La fecha de alta no puede ser anterior al inicio del programa ({program_start}).</translation>
    </message>
    <message>
        <source>A discharge can be dated at most 30 days ahead.</source>
        <translation>Un alta se puede fechar con 30 días de anticipación como máximo.</translation>
    </message>
    <message>
        <source>This participant already has a discharge in progress; finish that one.</source>
        <translation>Este participante ya tiene un alta en curso; termine esa primero.</translation>
    </message>
    <message>
        <source>This discharge summary is {label} and can no longer be changed.</source>
        <translation>Este resumen de alta ya no se puede modificar (estado: {label}).</translation>
    </message>
    <message>
        <source>{label} can be at most 20,000 characters.</source>
        <translation>{label} puede tener como máximo 20,000 caracteres.</translation>
    </message>
    <message>
        <source>That aftercare plan no longer exists.</source>
        <translation>Ese plan de seguimiento ya no existe.</translation>
    </message>
    <message>
        <source>The discharge date cannot be before the program start.</source>
        <translation>La fecha de alta no puede ser anterior al inicio del programa.</translation>
    </message>
</context>
<context>
    <name>store.consents</name>
    <message>
        <source>That consent no longer exists.</source>
        <translation>Ese consentimiento ya no existe.</translation>
    </message>
    <message>
        <source>This consent was already revoked on {revoked_on}.</source>
        <translation>Este consentimiento ya se revocó el {revoked_on}.</translation>
    </message>
    <message>
        <source>The revocation date cannot be later than today.</source>
        <translation>La fecha de revocación no puede ser posterior a hoy.</translation>
    </message>
    <message>
        <source>The revocation date cannot be before the consent was signed.</source>
        <translation>La fecha de revocación no puede ser anterior a la firma del consentimiento.</translation>
    </message>
    <message>
        <source>The letter&apos;s first day must come before its last day.</source>
        <translation>El primer día de la carta debe ser anterior a su último día.</translation>
    </message>
    <message>
        <source>A letter cannot report on days still to come.</source>
        <translation>Una carta no puede informar sobre días que aún no llegan.</translation>
    </message>
</context>
<context>
    <name>store.db</name>
    <message>
        <source>The clinic database is at schema {current} and this Facilitator needs {head}, which {user} may not install: the clinic&apos;s administrator must run &apos;facilitator server upgrade&apos; (it migrates as the database&apos;s owner) before the workstations open it.</source>
        <translation>La base de datos de la clínica está en el esquema {current} y este Facilitator necesita el {head}, que {user} no puede instalar: el administrador de la clínica debe ejecutar &apos;facilitator server upgrade&apos; (migra como propietario de la base de datos) antes de que las estaciones de trabajo la abran.</translation>
    </message>
    <message>
        <source>The database address {url!r} is not a valid URL.</source>
        <translation>La dirección de la base de datos {url!r} no es una URL válida.</translation>
    </message>
    <message>
        <source>The clinic database is missing from {path}, though this data folder has held one. Facilitator does not start an empty clinic in its place: put the file back, or restore the latest backup (facilitator restore FILE).</source>
        <translation>Falta la base de datos de la clínica en {path}, aunque esta carpeta de datos ya tuvo una. Facilitator no inicia una clínica vacía en su lugar: vuelva a poner el archivo o restaure la copia de seguridad más reciente (facilitator restore ARCHIVO).</translation>
    </message>
    <message>
        <source>Cannot open the database: {orig}.</source>
        <translation>No se puede abrir la base de datos: {orig}.</translation>
    </message>
    <message>
        <source>The clinic database is empty and {user} may not create its tables: the clinic&apos;s administrator must run &apos;facilitator server prepare&apos; (it installs the schema as the database&apos;s owner) first.</source>
        <translation>La base de datos de la clínica está vacía y {user} no puede crear sus tablas: el administrador de la clínica debe ejecutar primero &apos;facilitator server prepare&apos; (instala el esquema como propietario de la base de datos).</translation>
    </message>
    <message>
        <source>Cannot create the data folder {parent}: {strerror}.</source>
        <translation>No se puede crear la carpeta de datos {parent}: {strerror}.</translation>
    </message>
    <message>
        <source>This database was written by a newer version of Facilitator (schema {current}); update Facilitator on this computer before opening it.</source>
        <translation>Esta base de datos la escribió una versión más nueva de Facilitator (esquema {current}); actualice Facilitator en esta computadora antes de abrirla.</translation>
    </message>
</context>
<context>
    <name>store.guards</name>
    <message>
        <source>This clinic database has lost {missing_count} of the protections that lock signed notes and the audit trail, so someone changed it outside Facilitator. You can still look records up, but nothing can be saved until an administrator restores them (facilitator audit guards --repair) or restores a backup.</source>
        <translation>Esta base de datos de la clínica perdió {missing_count} de las protecciones que bloquean las notas firmadas y el registro de auditoría, así que alguien la modificó fuera de Facilitator. Todavía puede consultar registros, pero no se puede guardar nada hasta que un administrador las restablezca (facilitator audit guards --repair) o restaure una copia de seguridad.</translation>
    </message>
</context>
<context>
    <name>store.measures</name>
    <message>
        <source>That participant no longer exists.</source>
        <translation>Ese participante ya no existe.</translation>
    </message>
    <message>
        <source>{preferred_name} was not enrolled in any group on {on}; measures are recorded for enrolled participants.</source>
        <translation>{preferred_name} no estaba inscrito en ningún grupo el {on}; las mediciones se registran para participantes inscritos.</translation>
    </message>
    <message>
        <source>{kind!r} is not a kind of measure; use {entry_kinds}.</source>
        <translation>{kind!r} no es un tipo de medición; use {entry_kinds}.</translation>
    </message>
    <message>
        <source>{preferred_name} is in no group; ask a supervisor.</source>
        <translation>{preferred_name} no está en ningún grupo; consulte a un supervisor.</translation>
    </message>
    <message>
        <source>Say how the safety flag was resolved before closing it.</source>
        <translation>Indique cómo se resolvió la alerta de seguridad antes de cerrarla.</translation>
    </message>
    <message>
        <source>The first day comes after the last day.</source>
        <translation>El primer día es posterior al último día.</translation>
    </message>
    <message>
        <source>That meeting no longer exists.</source>
        <translation>Esa reunión ya no existe.</translation>
    </message>
    <message>
        <source>This meeting was cancelled; it takes no check-ins.</source>
        <translation>Esta reunión fue cancelada; no admite bienvenidas.</translation>
    </message>
    <message>
        <source>This meeting is on {local_day}, after today; check-ins are recorded in the session.</source>
        <translation>Esta reunión es el {local_day}, después de hoy; las bienvenidas se registran durante la sesión.</translation>
    </message>
    <message>
        <source>{preferred_name} is not enrolled in this group and not marked present at this meeting.</source>
        <translation>{preferred_name} no está inscrito en este grupo ni marcado como presente en esta reunión.</translation>
    </message>
    <message>
        <source>Only a supervisor or the facilitators of a participant&apos;s groups can record drug screens.</source>
        <translation>Solo un supervisor o los facilitadores de los grupos del participante pueden registrar pruebas de drogas.</translation>
    </message>
    <message>
        <source>The {kind} meetings of the week of {week} are already recorded; mark that entry entered in error to correct it.</source>
        <translation>Las reuniones ({kind}) de la semana del {week} ya están registradas; para corregirlo, marque esa entrada como registrada por error.</translation>
    </message>
    <message>
        <source>12-step</source>
        <translation>de 12 pasos</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otras</translation>
    </message>
    <message>
        <source>That {kind} no longer exists.</source>
        <translation>Ese registro ({kind}) ya no existe.</translation>
    </message>
    <message>
        <source>The results were not imported: {count} rows have problems (lines {rows}); nothing was recorded.</source>
        <translation>Los resultados no se importaron: {count} filas tienen problemas (líneas {rows}); no se registró nada.</translation>
    </message>
    <message>
        <source>The results were not imported: 1 row has a problem (line {rows}); nothing was recorded.</source>
        <translation>Los resultados no se importaron: 1 fila tiene un problema (línea {rows}); no se registró nada.</translation>
    </message>
    <message>
        <source>This {kind} is already marked entered in error.</source>
        <translation>Este registro ({kind}) ya está marcado como registrado por error.</translation>
    </message>
    <message>
        <source>That safety flag no longer exists.</source>
        <translation>Esa alerta de seguridad ya no existe.</translation>
    </message>
    <message>
        <source>This safety flag is already resolved.</source>
        <translation>Esta alerta de seguridad ya está resuelta.</translation>
    </message>
    <message>
        <source>This safety flag is already acknowledged.</source>
        <translation>Esta alerta de seguridad ya está confirmada.</translation>
    </message>
    <message>
        <source>Measures are open to the participant&apos;s group facilitators and to supervisors only.</source>
        <translation>Las mediciones solo están disponibles para los facilitadores de los grupos del participante y para los supervisores.</translation>
    </message>
    <message>
        <source>Safety flags are open to the participant&apos;s group facilitators and to supervisors only.</source>
        <translation>Las alertas de seguridad solo están disponibles para los facilitadores de los grupos del participante y para los supervisores.</translation>
    </message>
    <message>
        <source>check-in</source>
        <translation>bienvenida</translation>
    </message>
    <message>
        <source>questionnaire</source>
        <translation>cuestionario</translation>
    </message>
    <message>
        <source>drug screen</source>
        <translation>prueba de drogas</translation>
    </message>
    <message>
        <source>mutual-help report</source>
        <translation>reporte de ayuda mutua</translation>
    </message>
    <message>
        <source>date it was taken</source>
        <translation>fecha en que se tomó</translation>
    </message>
    <message>
        <source>first day</source>
        <translation>primer día</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>último día</translation>
    </message>
</context>
<context>
    <name>store.notes.base</name>
    <message>
        <source>{time} on {day} {month}</source>
        <translation>{time} del {day} {month}</translation>
    </message>
    <message>
        <source>That note no longer exists.</source>
        <translation>Esa nota ya no existe.</translation>
    </message>
</context>
<context>
    <name>store.notes.facts</name>
    <message>
        <source>That meeting no longer exists.</source>
        <translation>Esa reunión ya no existe.</translation>
    </message>
</context>
<context>
    <name>store.notes.lifecycle</name>
    <message>
        <source>That note no longer exists.</source>
        <translation>Esa nota ya no existe.</translation>
    </message>
    <message>
        <source>This note is {label} and can no longer be changed.</source>
        <translation>Esta nota ya no se puede modificar (estado: {label}).</translation>
    </message>
    <message>
        <source>Say what needs changing before returning the note.</source>
        <translation>Indique qué hay que cambiar antes de devolver la nota.</translation>
    </message>
    <message>
        <source>{name} co-signed this note at {when}, just before you; there is nothing left to do.</source>
        <translation>{name} cofirmó esta nota a las {when}, justo antes que usted; no queda nada por hacer.</translation>
    </message>
    <message>
        <source>{name} returned this note to its author at {when}, just before you; it is back with the author.</source>
        <translation>{name} devolvió esta nota a su autor a las {when}, justo antes que usted; ya está de vuelta con el autor.</translation>
    </message>
    <message>
        <source>Type the observation first.</source>
        <translation>Escriba primero la observación.</translation>
    </message>
    <message>
        <source>This meeting was cancelled; it has nothing to document.</source>
        <translation>Esta reunión fue cancelada; no hay nada que documentar.</translation>
    </message>
    <message>
        <source>Another supervisor</source>
        <translation>Otro supervisor</translation>
    </message>
    <message>
        <source>This note was marked entered in error at {when}, just before you.</source>
        <translation>Esta nota se marcó como registrada por error a las {when}, justo antes que usted.</translation>
    </message>
</context>
<context>
    <name>store.roster</name>
    <message>
        <source>The roster was not imported: {count} rows have problems (lines {rows}).</source>
        <translation>La lista no se importó: {count} filas tienen problemas (líneas {rows}).</translation>
    </message>
    <message>
        <source>The roster was not imported: 1 row has a problem (line {rows}).</source>
        <translation>La lista no se importó: 1 fila tiene un problema (línea {rows}).</translation>
    </message>
    <message>
        <source>The group cannot be saved: {problems}.</source>
        <translation>No se puede guardar el grupo: {problems}.</translation>
    </message>
    <message>
        <source>That group no longer exists; someone may have removed it.</source>
        <translation>Ese grupo ya no existe; es posible que alguien lo haya eliminado.</translation>
    </message>
    <message>
        <source>That participant no longer exists; someone may have removed them.</source>
        <translation>Ese participante ya no existe; es posible que alguien lo haya eliminado.</translation>
    </message>
    <message>
        <source>The participant cannot be saved: {problems}.</source>
        <translation>No se puede guardar el participante: {problems}.</translation>
    </message>
    <message>
        <source>Record number {record_number} already belongs to another participant.</source>
        <translation>El número de expediente {record_number} ya pertenece a otro participante.</translation>
    </message>
    <message>
        <source>A relative or partner needs a name.</source>
        <translation>Un familiar o pareja necesita un nombre.</translation>
    </message>
    <message>
        <source>The enrollment ends before it starts.</source>
        <translation>La inscripción termina antes de empezar.</translation>
    </message>
    <message>
        <source>There is already a group called {name!r}.</source>
        <translation>Ya existe un grupo llamado {name!r}.</translation>
    </message>
    <message>
        <source>That group no longer exists.</source>
        <translation>Ese grupo ya no existe.</translation>
    </message>
    <message>
        <source>That participant no longer exists.</source>
        <translation>Ese participante ya no existe.</translation>
    </message>
    <message>
        <source>That group or participant no longer exists.</source>
        <translation>Ese grupo o participante ya no existe.</translation>
    </message>
    <message>
        <source>{preferred_name} is already enrolled in {name} on those dates.</source>
        <translation>{preferred_name} ya está inscrito en {name} en esas fechas.</translation>
    </message>
    <message>
        <source>That enrollment no longer exists.</source>
        <translation>Esa inscripción ya no existe.</translation>
    </message>
    <message>
        <source>The enrollment cannot end before it started.</source>
        <translation>La inscripción no puede terminar antes de haber empezado.</translation>
    </message>
    <message>
        <source>record number {record_number!r} is already in the roster</source>
        <translation>el número de expediente {record_number!r} ya está en la lista</translation>
    </message>
    <message>
        <source>The roster was not imported: another workstation added one of these record numbers just now.</source>
        <translation>La lista no se importó: otra estación de trabajo acaba de agregar uno de estos números de expediente.</translation>
    </message>
</context>
<context>
    <name>store.runs</name>
    <message>
        <source>That meeting no longer exists.</source>
        <translation>Esa reunión ya no existe.</translation>
    </message>
    <message>
        <source>run {run_id} is not in the database</source>
        <translation>la sesión conducida {run_id} no está en la base de datos</translation>
    </message>
</context>
<context>
    <name>store.server_setup</name>
    <message>
        <source>The owner role and the app role must be two different roles.</source>
        <translation>El rol propietario y el rol de la aplicación deben ser dos roles distintos.</translation>
    </message>
    <message>
        <source>Preparing a server needs a PostgreSQL address (postgresql+psycopg://...).</source>
        <translation>Para preparar un servidor se necesita una dirección de PostgreSQL (postgresql+psycopg://...).</translation>
    </message>
    <message>
        <source>Cannot connect to the server: {first_line}.</source>
        <translation>No se puede conectar con el servidor: {first_line}.</translation>
    </message>
    <message>
        <source>The database {database} already exists and belongs to {owner}, not to {owner_role}; choose another database name or give --owner-role the role that owns it.</source>
        <translation>La base de datos {database} ya existe y pertenece a {owner}, no a {owner_role}; elija otro nombre de base de datos o indique en --owner-role el rol que la posee.</translation>
    </message>
    <message>
        <source>The {what} name {name!r} must be lowercase letters, digits and underscores, starting with a letter or underscore.</source>
        <translation>El nombre ({what}) {name!r} debe tener letras minúsculas, dígitos y guiones bajos, y empezar con una letra o un guion bajo.</translation>
    </message>
    <message>
        <source>The server address {admin_url!r} is not a valid URL.</source>
        <translation>La dirección del servidor {admin_url!r} no es una URL válida.</translation>
    </message>
    <message>
        <source>Cannot connect to the database {database}: {first_line}.</source>
        <translation>No se puede conectar con la base de datos {database}: {first_line}.</translation>
    </message>
    <message>
        <source>The database {database} belongs to {owner}, not to {owner_role}; run &apos;facilitator server prepare&apos; first, or name its owner with --owner-role.</source>
        <translation>La base de datos {database} pertenece a {owner}, no a {owner_role}; ejecute primero &apos;facilitator server prepare&apos; o indique su propietario con --owner-role.</translation>
    </message>
    <message>
        <source>The account in the server address may not act as {owner_role}; use the server&apos;s administrator (e.g. postgres) or {owner_role} itself.</source>
        <translation>La cuenta de la dirección del servidor no puede actuar como {owner_role}; use el administrador del servidor (p. ej., postgres) o el propio {owner_role}.</translation>
    </message>
</context>
<context>
    <name>store.signatures</name>
    <message>
        <source>note {note_id}, round {round}: what is stored differs from what was signed (its words, participant, date of service or signer were changed).</source>
        <translation>nota {note_id}, ronda {round}: lo guardado difiere de lo firmado (se cambiaron sus palabras, el participante, la fecha de servicio o quien firmó).</translation>
    </message>
    <message>
        <source>note {note_id}, round {round}: signed, but the audit trail has no signature for it.</source>
        <translation>nota {note_id}, ronda {round}: firmada, pero el registro de auditoría no tiene su firma.</translation>
    </message>
    <message>
        <source>note {note_id}: the note as shown differs from what was signed in round {round} (its words, participant, date of service or signer were changed).</source>
        <translation>nota {note_id}: la nota tal como se muestra difiere de lo firmado en la ronda {round} (se cambiaron sus palabras, el participante, la fecha de servicio o quien firmó).</translation>
    </message>
    <message>
        <source>note {note_id}: marked signed, but the audit trail has no signature for round {round}.</source>
        <translation>nota {note_id}: marcada como firmada, pero el registro de auditoría no tiene firma de la ronda {round}.</translation>
    </message>
    <message>
        <source>note {note_id}: has signed rounds but the note itself was removed or reset.</source>
        <translation>nota {note_id}: tiene rondas firmadas, pero la nota se eliminó o se restableció.</translation>
    </message>
    <message>
        <source>note {note_id}: signed (round {rnd_no}) but no longer in the database.</source>
        <translation>nota {note_id}: firmada (ronda {rnd_no}), pero ya no está en la base de datos.</translation>
    </message>
    <message>
        <source>note {note_id}: differs from what was co-signed (its words, participant, date of service, signer or co-signer were changed).</source>
        <translation>nota {note_id}: difiere de lo cofirmado (se cambiaron sus palabras, el participante, la fecha de servicio, quien firmó o quien cofirmó).</translation>
    </message>
    <message>
        <source>note {note_id}: marked co-signed, but the audit trail has no co-signature for it.</source>
        <translation>nota {note_id}: marcada como cofirmada, pero el registro de auditoría no tiene su cofirma.</translation>
    </message>
    <message>
        <source>note {note_id}: marked co-signed without a co-signature.</source>
        <translation>nota {note_id}: marcada como cofirmada sin cofirma.</translation>
    </message>
</context>
<context>
    <name>store.unit_of_work</name>
    <message>
        <source>The disk holding the clinic database is full. Nothing was saved; free some space and try again.</source>
        <translation>El disco donde está la base de datos de la clínica está lleno. No se guardó nada; libere espacio e intente de nuevo.</translation>
    </message>
    <message>
        <source>The clinic database can no longer be written (it was made read-only). Nothing was saved.</source>
        <translation>Ya no se puede escribir en la base de datos de la clínica (pasó a ser de solo lectura). No se guardó nada.</translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>That {what} no longer exists; someone may have removed it.</source>
        <translation>Ese registro ({what}) ya no existe; es posible que alguien lo haya eliminado.</translation>
    </message>
    <message>
        <source>You (on another screen or workstation)</source>
        <translation>Usted (en otra pantalla o estación de trabajo)</translation>
    </message>
    <message>
        <source>The clinic database file was replaced by another file since this computer connected. Nothing was saved; sign in again to go on with the database as it is now.</source>
        <translation>El archivo de la base de datos de la clínica fue reemplazado por otro desde que esta computadora se conectó. No se guardó nada; vuelva a iniciar sesión para continuar con la base de datos tal como está ahora.</translation>
    </message>
    <message>
        <source>The clinic database can no longer be written (its file was made read-only). Nothing was saved, and what you typed is still on screen.</source>
        <translation>Ya no se puede escribir en la base de datos de la clínica (su archivo pasó a ser de solo lectura). No se guardó nada, y lo que escribió sigue en pantalla.</translation>
    </message>
    <message>
        <source>The clinic database was replaced by another one since this computer connected. Nothing was saved; sign in again to go on with the database as it is now.</source>
        <translation>La base de datos de la clínica fue reemplazada por otra desde que esta computadora se conectó. No se guardó nada; vuelva a iniciar sesión para continuar con la base de datos tal como está ahora.</translation>
    </message>
    <message>
        <source>The clinic database was restored from a backup since this computer connected, so records may have changed under you. Nothing was saved; sign in again to go on.</source>
        <translation>La base de datos de la clínica se restauró desde una copia de seguridad desde que esta computadora se conectó, así que los registros pueden haber cambiado. No se guardó nada; vuelva a iniciar sesión para continuar.</translation>
    </message>
    <message>
        <source>The clinic database changed since this computer connected; sign in again.</source>
        <translation>La base de datos de la clínica cambió desde que esta computadora se conectó; vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <source>Your account was disabled by an administrator, so you have been signed out. What you typed is still on screen; ask an administrator if this is a mistake.</source>
        <translation>Un administrador desactivó su cuenta, así que se cerró su sesión. Lo que escribió sigue en pantalla; consulte a un administrador si se trata de un error.</translation>
    </message>
    <message>
        <source>Your role changed to {label} since you signed in; please sign in again. What you typed is still on screen.</source>
        <translation>Su rol cambió a {label} desde que inició sesión; vuelva a iniciar sesión. Lo que escribió sigue en pantalla.</translation>
    </message>
    <message>
        <source>The clinic database is busy with another workstation&apos;s change; try again in a moment.</source>
        <translation>La base de datos de la clínica está ocupada con un cambio de otra estación de trabajo; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The clinic database cannot be reached just now. Nothing was saved; try again in a moment.</source>
        <translation>No se puede acceder a la base de datos de la clínica en este momento. No se guardó nada; intente de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The clinic database file is gone from {db_file}: it was moved or deleted. Nothing was saved, and what you typed is still on screen; put the file back or restore a backup.</source>
        <translation>El archivo de la base de datos de la clínica ya no está en {db_file}: se movió o se eliminó. No se guardó nada, y lo que escribió sigue en pantalla; vuelva a poner el archivo o restaure una copia de seguridad.</translation>
    </message>
    <message>
        <source>The clinic database file {db_file} cannot be reached ({strerror}). Nothing was saved.</source>
        <translation>No se puede acceder al archivo de la base de datos de la clínica {db_file} ({strerror}). No se guardó nada.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>{title} — {elapsed} &lt;span style=&apos;color:@muted&apos;&gt;(planned {planned} min)&lt;/span&gt;</source>
        <translation>{title} — {elapsed} &lt;span style=&apos;color:@muted&apos;&gt;(planificado {planned} min)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>{title} — skipped after {elapsed}</source>
        <translation>{title} — saltado tras {elapsed}</translation>
    </message>
    <message>
        <source>{title} — left out before it began</source>
        <translation>{title} — omitido antes de empezar</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ran&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Realizados&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;No item ran.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;No se realizó ningún punto.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Skipped&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Saltados&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Not reached&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;No alcanzados&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Press &lt;b&gt;W&lt;/b&gt; (Write notes) to write this meeting&apos;s notes from what happened.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Pulse &lt;b&gt;W&lt;/b&gt; (Escribir notas) para escribir las notas de esta reunión a partir de lo que pasó.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Close this window when you are done. The room display shows “Thank you”.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Cierre esta ventana cuando termine. La pantalla de la sala muestra “Gracias”.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
