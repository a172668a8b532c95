#include "cli/commands.h"

int main(int argc, char** argv) { return intake::Main(argc, argv); }
