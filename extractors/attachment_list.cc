#include "extractors/attachment_list.h"

namespace intake {

void AttachmentList::Add(const char* kind, std::string name, std::string data) {
  if (full_) return;
  if (static_cast<int>(embedded_->size()) == limits_.max_archive_members) {
    warnings_->push_back("more than " +
                         std::to_string(limits_.max_archive_members) +
                         " attachments: the rest were skipped");
    full_ = true;
    return;
  }
  bytes_ += static_cast<long long>(data.size());
  if (bytes_ > limits_.max_archive_bytes) {
    warnings_->push_back("attachments take more than " +
                         std::to_string(limits_.max_archive_bytes) +
                         " bytes: " + name + " and the rest were skipped");
    full_ = true;
    return;
  }
  embedded_->push_back({kind, std::move(name), std::move(data)});
}

}  // namespace intake
