/* placeholder: replaced by the native scanner */
int maze_abi_version(void) { return 1; }
