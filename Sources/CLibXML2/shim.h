#ifndef PARCOURS_CLIBXML2_SHIM_H
#define PARCOURS_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its ICU headers clash with Foundation's own ICU module. */
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/catalog.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>

/* xmlFree is a global function pointer that Swift 6 rejects as not concurrency-safe. */
static inline void parcours_xmlFree(void *pointer) { xmlFree(pointer); }

#endif
