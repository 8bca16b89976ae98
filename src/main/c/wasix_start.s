# wasix_start.s: the entry of every WASIX thread but the main one.
#
# Wasmer calls the export wasi_thread_start(tid, record) on the new thread,
# in a new instance of the module whose __stack_pointer still holds the
# linker's initial value, the top of the main thread's stack
# (lib/wasix/src/syscalls/wasix/thread_spawn.rs, call_module_internal()).
# Before any C code runs, the stack pointer must move to the thread's own
# stack, whose upper end is the first field of the record
# (struct wasix_thread_start in wasix_abi.h): compiled C would otherwise
# place its frames on the main thread's stack. Nothing here sets
# __tls_base: the receiver has no thread-local variables.

	.text

	.globaltype	__stack_pointer, i32
	.functype	wasix_thread_main (i32, i32) -> ()

	.globl	wasi_thread_start
	.type	wasi_thread_start,@function
wasi_thread_start:
	.functype	wasi_thread_start (i32, i32) -> ()
	local.get	1		# the record
	i32.load	0		# its stack_upper
	global.set	__stack_pointer
	local.get	0		# tid
	local.get	1		# the record, also a struct wasix_thread
	call	wasix_thread_main
	end_function
