// The writers that reshape a row into another data set's layout, for the registry in
// row_writer.cc (one file per format).
#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "output/row_writer.h"

namespace dragoman::output {

std::unique_ptr<RowWriter> NewGdeltEventWriter(std::ostream& out);    // gdelt_writer.cc
std::unique_ptr<RowWriter> NewGdeltMentionWriter(std::ostream& out);  // gdelt_writer.cc
std::unique_ptr<RowWriter> NewPloverWriter(std::ostream& out);        // plover_writer.cc

// One RFC 4180 CSV cell: quoted when it holds a comma, quote or line break.
void WriteCsvCell(std::ostream& out, const std::string& cell);

// A CAMEO actor code cut into GDELT's parts: "CHNGOVMIL" -> country CHN, types GOV and MIL;
// "IGOUNO" -> known group UNO, type IGO.
struct ActorParts {
  std::string country, known_group, types[3];
};
ActorParts SplitActorCode(const std::string& code);

}  // namespace dragoman::output
