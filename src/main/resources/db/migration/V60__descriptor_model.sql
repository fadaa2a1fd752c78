-- Each stored face descriptor carries the id of the model that made it (face/Recogniser.modelId()),
-- so a change of recogniser never compares descriptors across models: a reference descriptor of
-- another model is recomputed from the reference photo on its next use. Every descriptor stored
-- before this migration came from face-api's dlib network.
alter table candidate add column reference_descriptor_model varchar(64);
alter table submission add column descriptor_model varchar(64);
update candidate set reference_descriptor_model = 'dlib-resnet29-faceapi-1.7.15' where reference_descriptor is not null;
update submission set descriptor_model = 'dlib-resnet29-faceapi-1.7.15' where descriptor is not null;
