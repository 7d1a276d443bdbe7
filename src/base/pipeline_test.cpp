#include "base/pipeline.hpp"

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

using kientao::pipeline::RunPipeline;

TEST(Pipeline, EveryItemArrivesOnceAndInOrder) {
  std::vector<int> got;
  size_t batches = 0;
  RunPipeline<int>(
      7,
      [](auto emit) {
        for (int i = 0; i < 1000; ++i) emit(int(i));
      },
      [&](std::vector<int>& batch) {
        ++batches;
        EXPECT_LE(batch.size(), 7u);
        got.insert(got.end(), batch.begin(), batch.end());
      });
  ASSERT_EQ(got.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(got[static_cast<size_t>(i)], i);
  EXPECT_EQ(batches, 143u);  // 142 full batches and the last 6
}

TEST(Pipeline, NothingProducedNothingConsumed) {
  int calls = 0;
  RunPipeline<int>(
      5, [](auto) {}, [&](std::vector<int>&) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(Pipeline, AProducerFailureReachesTheCaller) {
  std::vector<int> got;
  EXPECT_THROW(RunPipeline<int>(
                   10,
                   [](auto emit) {
                     for (int i = 0; i < 25; ++i) emit(int(i));
                     throw std::runtime_error("bad file");
                   },
                   [&](std::vector<int>& b) { got.insert(got.end(), b.begin(), b.end()); }),
               std::runtime_error);
  EXPECT_LE(got.size(), 20u);  // the last, partial batch is never handed over
}

TEST(Pipeline, AConsumerFailureStopsTheProducerAndReachesTheCaller) {
  std::atomic<int> produced{0};
  try {
    RunPipeline<int>(
        10,
        [&](auto emit) {
          for (int i = 0; i < 1000000; ++i) {
            emit(int(i));
            ++produced;
          }
        },
        [](std::vector<int>&) { throw std::logic_error("disk full"); });
    FAIL() << "no exception";
  } catch (const std::logic_error& e) {
    EXPECT_EQ(std::string(e.what()), "disk full");
  }
  // It stopped after a few batches instead of reading the whole input.
  EXPECT_LT(produced.load(), 100);
}
