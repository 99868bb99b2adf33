#include "coding/validation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace dragoman::coding {
namespace {

TEST(ValidationTest, ReadsRecordsConfigAndParse) {
  std::string path = std::string(DRAGOMAN_BINARY_DIR) + "/validation_test_records.xml";
  {
    std::ofstream out(path);
    out << R"(<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment>
<Sentences>
<Sentence source="DEMO" date="19950101" id="X_1" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>
Arnor restored ties
with Gondor.
</Text>
<Parse>
1	Arnor	Arnor	PROPN	NNP	_	2	nsubj	_	_
2	restored	restore	VERB	VBD	_	0	root	_	_
3	ties	tie	NOUN	NNS	_	2	dobj	_	_
4	with	with	ADP	IN	_	5	case	_	_
5	Gondor	Gondor	PROPN	NNP	_	2	nmod	_	_
6	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Config option="require_dyad" value="false" />
<Sentence source="ERROR" date="19950102" id="X_2" sentence="true">
<EventCoding noevents="True" />
<Text>Nothing.</Text>
<Parse>
1	Nothing	nothing	PRON	NN	_	0	root	_	_
</Parse></Sentence>
</Sentences>
</Validation>
)";
  }
  Result<ValidationSet> set = ReadValidationRecords(path);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->verb_file, "v.txt");
  ASSERT_EQ(set->records.size(), 2u);
  const ValidationRecord& r = set->records[0];
  EXPECT_EQ(r.id, "X_1");
  EXPECT_EQ(r.date, 19950101);
  EXPECT_EQ(r.text, "Arnor restored ties with Gondor.");
  ASSERT_EQ(r.parse.tokens.size(), 6u);
  EXPECT_EQ(r.parse.tokens[4].deprel, "nmod");
  EXPECT_EQ(r.parse.tokens[4].head, 2);
  Article a = RecordArticle(r);
  EXPECT_EQ(a.Slice(a.sentences[0].tokens[4].span), "Gondor");
  EXPECT_EQ(a.date, "1995-01-01");
  ASSERT_EQ(r.expected.size(), 1u);
  EXPECT_EQ(r.expected[0], (EventKey{"ARN", "GON", "050"}));
  EXPECT_TRUE(r.require_dyad);
  EXPECT_FALSE(set->records[1].require_dyad);
  EXPECT_TRUE(set->records[1].expected.empty());
  std::remove(path.c_str());
}

TEST(ValidationTest, CompareEventSets) {
  Event a;
  a.source = "ARN";
  a.code = "010";
  Event b = a;
  b.target = "GON";
  std::vector<EventKey> keys = EventKeys({a, b, b});
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].target, "---");
  EXPECT_TRUE(SameEvents(keys, {{"ARN", "GON", "010"}, {"ARN", "---", "010"}}));
  EXPECT_FALSE(SameEvents(keys, {{"ARN", "GON", "010"}}));
}

TEST(ValidationTest, MissingFileNamesIt) {
  Result<ValidationSet> set = ReadValidationRecords("/nonexistent/records.xml");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("/nonexistent/records.xml"), std::string::npos);
}

}  // namespace
}  // namespace dragoman::coding
